using ApimLint.Baselines;
using ApimLint.Configuration;
using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Engine;
using ApimLint.Fixing;
using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Reporting;
using ApimLint.Reporting.Escaping;
using ApimLint.Reporting.Html;
using ApimLint.Secrets;
using System.CommandLine;
using System.Text;

namespace ApimLint.Cli;

/// <summary>`apimlint check [DIR]`: load the deployment, run the rules, fix or report in every requested format.</summary>
internal sealed class CheckCommand(CliConsole console)
{
    private readonly DeploymentOptions _deployment = new();
    private readonly OutputOptions _output = new();
    private readonly FixOptions _fixes = new();
    private readonly DriftOptions _drift = new();
    private readonly RuleSelectionOptions _selection = new();

    private readonly Option<string?> _baseline = new("--baseline")
    {
        HelpName = "FILE",
        Description = "Report only findings not accepted in this baseline file (see `apimlint baseline write`), and list entries that no longer occur.",
    };

    public void AddTo(Command command)
    {
        _deployment.AddTo(command);
        foreach (var option in _output.All.Concat(_selection.All).Concat(_fixes.All).Concat(_drift.All).Append(_baseline)) command.Options.Add(option);
        command.SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var targets = _output.Targets(parse, console.WorkingDirectory);
        var config = _deployment.Config(parse, console);
        var input = _deployment.Read(parse, console.WorkingDirectory, config) with { Preferred = _fixes.Preferred(parse) };
        var analysis = _output.Analysis(parse, _selection.Severities(parse, config, console.Descriptors));
        // The drift rules compare the nodes' trees with these settings and this cache.
        using var drift = DriftContext.Use(_drift.Settings(parse, config, input.FollowSymlinks), _drift.Cache(parse, console.WorkingDirectory, input.ActiveHome, input.PassiveHome));
        var baseDirectory = _output.BaseDirectory(parse, console.WorkingDirectory);
        if (_fixes.Diff(parse) || _fixes.Fix(parse))
        {
            var outcome = new FixRunner(files => DeploymentLoader.Load(input, files), console.Rules, analysis).Run(_fixes.IncludeUnsafe(parse));
            if (_fixes.Diff(parse))
            {
                console.Out.Write(TerminalText.Block(SecretMask.Apply(UnifiedDiff.Render(outcome.Changes, path => PathDisplay.Relative(path, baseDirectory)))));
                ReportUnsafeLeft(parse, outcome);
                return outcome.Changes.Count > 0 ? ExitCodes.Findings : ExitCodes.Clean;
            }
            FileCommitter.Commit(outcome.Changes);
            ReportApplied(outcome, baseDirectory);
            ReportUnsafeLeft(parse, outcome);
            return Report(parse, config, analysis, targets, outcome.Deployment, outcome.Remaining, baseDirectory);
        }
        var deployment = DeploymentLoader.Load(input);
        return Report(parse, config, analysis, targets, deployment, Analyzer.Run(deployment, console.Rules, analysis), baseDirectory);
    }

    /// <summary>Unsafe fixes that a run without --unsafe-fixes left alone: say so, or "0 fixes applied" reads as "nothing to fix".</summary>
    private void ReportUnsafeLeft(ParseResult parse, FixOutcome outcome)
    {
        if (_fixes.IncludeUnsafe(parse)) return;
        var left = outcome.Remaining.Reported.Count(d => d.Fix?.Safety == FixSafety.Unsafe);
        if (left > 0) console.Error.WriteLine($"{left} more fix{(left == 1 ? "" : "es")} with `--unsafe-fixes` (judgement calls: review them with `--diff --unsafe-fixes`).");
    }

    private void ReportApplied(FixOutcome outcome, string baseDirectory)
    {
        foreach (var d in outcome.Applied)
            console.Error.WriteLine($"fixed {d.Rule.Id} in {TerminalText.Escape(PathDisplay.Relative(d.Location.Path, baseDirectory))}: {TerminalText.Escape(d.Fix!.Title)}");
        var files = outcome.Changes.Count;
        console.Error.WriteLine($"{outcome.Applied.Count} fix{(outcome.Applied.Count == 1 ? "" : "es")} applied, {files} file{(files == 1 ? "" : "s")} changed.");
    }

    private int Report(ParseResult parse, ProjectConfig config, AnalysisOptions analysis, IReadOnlyList<ReportTarget> targets,
        Deployment deployment, AnalysisResult result, string baseDirectory)
    {
        var enabled = console.Rules.Where(analysis.IsEnabled).ToList();
        var context = ReportContext.For(deployment, baseDirectory, enabled) with { Links = SourceLinks.FromEnvironment(console.Environment) };
        var reported = result.Reported;
        var hidden = new List<Diagnostic>(result.Suppressed);
        var notes = new List<string>();
        if (result.Suppressed.Count > 0) notes.Add($"{result.Suppressed.Count} suppressed");
        if (BaselineFile(parse, config) is { } baselineFile && (File.Exists(baselineFile) || parse.GetValue(_baseline) is not null))
        {
            var outcome = ReadBaseline(baselineFile).Apply(reported, context, PathDisplay.Relative(baselineFile, baseDirectory));
            reported = outcome.New;
            hidden.AddRange(outcome.Accepted);
            if (outcome.Accepted.Count > 0) notes.Add($"{outcome.Accepted.Count} in baseline");
            foreach (var stale in outcome.Stale)
                console.Error.WriteLine($"apimlint: baseline entry no longer found: {TerminalText.Escape($"{stale.RuleId} {stale.Where} ({stale.Fingerprint})")}");
            if (outcome.Stale.Count > 0)
                console.Error.WriteLine($"apimlint: {outcome.Stale.Count} baseline entr{(outcome.Stale.Count == 1 ? "y" : "ies")} no longer found; prune with `apimlint baseline write`");
        }
        var findings = new Findings(reported, _output.IncludeSuppressed(parse) ? hidden.Order(DiagnosticOrder.Instance).ToList() : [], notes);
        foreach (var (format, file) in targets)
        {
            if (file is null)
            {
                Write(format, console.Out, findings, context, deployment, console.UseColor);
                continue;
            }
            AtomicFile.Write(file, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                Write(format, writer, findings, context, deployment, useColor: false);
            });
        }
        var failLevel = _output.FailLevel(parse, config);
        return failLevel != Severity.None && reported.Any(d => d.Severity >= failLevel) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private string? BaselineFile(ParseResult parse, ProjectConfig config) =>
        parse.GetValue(_baseline) is { } given ? Path.GetFullPath(given, console.WorkingDirectory)
        : config.Baseline is { } configured ? Path.GetFullPath(configured, config.Directory!)
        : null;

    private static Baseline ReadBaseline(string file)
    {
        if (!File.Exists(file)) throw new UsageException($"{file}: no such baseline (write one with `apimlint baseline write`)");
        try
        {
            return Baseline.Load(file);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>What the writers show: the reported findings, the hidden ones asked for (--include-suppressed), and what the summary says was hidden.</summary>
    private sealed record Findings(IReadOnlyList<Diagnostic> Reported, IReadOnlyList<Diagnostic> ShownHidden, IReadOnlyList<string> HiddenNotes)
    {
        public IReadOnlyList<Diagnostic> WithHidden => Reported.Concat(ShownHidden).Order(DiagnosticOrder.Instance).ToList();
    }

    private static void Write(string format, TextWriter output, Findings findings, ReportContext context, Deployment deployment, bool useColor)
    {
        switch (format)
        {
            case "sarif": new SarifReportWriter(context, ProjectInfo.Version).Write(output, findings.WithHidden); break;
            case "json": new JsonReportWriter(context, ProjectInfo.Version).Write(output, findings.WithHidden); break;
            case "github": new GitHubReportWriter(context).Write(output, findings.Reported); break;
            case "gitlab": new GitLabReportWriter(context).Write(output, findings.Reported); break;
            case "junit": new JUnitReportWriter(context, deployment).Write(output, findings.Reported); break;
            case "markdown": new MarkdownReportWriter(context, deployment).Write(output, findings.Reported); break;
            case "html":
                new HtmlReportWriter(context, deployment, DriftContext.ReportFor(deployment), FixRunner.Preview).Write(output, findings.WithHidden, findings.HiddenNotes);
                break;
            default: new TextReportWriter(context.BaseDirectory, useColor, context.NginxPartlyRead).Write(output, findings.Reported, findings.HiddenNotes); break;
        }
    }
}
