using System.CommandLine;
using System.Text;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Fixing;
using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Reporting;

namespace ApimLint.Cli;

/// <summary>`apimlint [check] [DIR]`: load the deployment, run the rules, write every requested format.</summary>
internal sealed class CheckCommand(CliConsole console)
{
    private readonly DeploymentOptions _deployment = new();
    private readonly OutputOptions _output = new();
    private readonly FixOptions _fixes = new();

    public void AddTo(Command command)
    {
        _deployment.AddTo(command);
        foreach (var option in _output.All.Concat(_fixes.All)) command.Options.Add(option);
        command.SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var targets = _output.Targets(parse, console.WorkingDirectory);
        var input = _deployment.Read(parse, console.WorkingDirectory);
        var rules = console.Rules;
        var baseDirectory = _output.BaseDirectory(parse, console.WorkingDirectory);
        if (_fixes.Diff(parse) || _fixes.Fix(parse))
        {
            var outcome = new FixRunner(files => DeploymentLoader.Load(input, files), rules, _output.Analysis(parse)).Run(_fixes.IncludeUnsafe(parse));
            if (_fixes.Diff(parse))
            {
                console.Out.Write(SecretMask.Apply(UnifiedDiff.Render(outcome.Changes, path => PathDisplay.Relative(path, baseDirectory))));
                return outcome.Changes.Count > 0 ? ExitCodes.Findings : ExitCodes.Clean;
            }
            FileCommitter.Commit(outcome.Changes);
            ReportApplied(outcome, baseDirectory);
            return Report(parse, targets, outcome.Deployment, outcome.Remaining, baseDirectory);
        }
        var deployment = DeploymentLoader.Load(input);
        return Report(parse, targets, deployment, Analyzer.Run(deployment, rules, _output.Analysis(parse)), baseDirectory);
    }

    private void ReportApplied(FixOutcome outcome, string baseDirectory)
    {
        foreach (var d in outcome.Applied)
            console.Error.WriteLine($"fixed {d.Rule.Id} in {PathDisplay.Relative(d.Location.Path, baseDirectory)}: {d.Fix!.Title}");
        var files = outcome.Changes.Count;
        console.Error.WriteLine($"{outcome.Applied.Count} fix{(outcome.Applied.Count == 1 ? "" : "es")} applied, {files} file{(files == 1 ? "" : "s")} changed.");
    }

    private int Report(ParseResult parse, IReadOnlyList<(string Format, string? File)> targets, Deployment deployment, AnalysisResult result, string baseDirectory)
    {
        var diagnostics = result.Reported;
        var findings = new Findings(diagnostics, _output.IncludeSuppressed(parse) ? result.Suppressed : [], result.Suppressed.Count);
        var context = ReportContext.For(deployment, baseDirectory, console.Rules);
        foreach (var (format, file) in targets)
        {
            if (file is null)
            {
                Write(format, console.Out, findings, context, console.UseColor);
                continue;
            }
            try
            {
                AtomicFile.Write(file, stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                    Write(format, writer, findings, context, useColor: false);
                });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{file}: cannot be written ({e.Message})");
            }
        }
        var failLevel = _output.FailLevel(parse);
        return failLevel != Severity.None && diagnostics.Any(d => d.Severity >= failLevel) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>What the writers show: the reported findings, the suppressed ones asked for (--include-suppressed), and how many were suppressed.</summary>
    private sealed record Findings(IReadOnlyList<Diagnostic> Reported, IReadOnlyList<Diagnostic> ShownSuppressed, int SuppressedCount)
    {
        public IReadOnlyList<Diagnostic> WithSuppressed => Reported.Concat(ShownSuppressed).Order(DiagnosticOrder.Instance).ToList();
    }

    private static void Write(string format, TextWriter output, Findings findings, ReportContext context, bool useColor)
    {
        switch (format)
        {
            case "sarif": new SarifReportWriter(context, ProjectInfo.Version).Write(output, findings.WithSuppressed); break;
            case "json": new JsonReportWriter(context, ProjectInfo.Version).Write(output, findings.WithSuppressed); break;
            case "github": new GitHubReportWriter(context).Write(output, findings.Reported); break;
            default: new TextReportWriter(context.BaseDirectory, useColor).Write(output, findings.Reported, findings.SuppressedCount); break;
        }
    }
}
