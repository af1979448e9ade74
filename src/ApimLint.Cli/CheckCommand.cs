using System.CommandLine;
using System.Text;
using ApimLint.Diagnostics;
using ApimLint.Drift;
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
    private readonly DriftOptions _drift = new();

    public void AddTo(Command command)
    {
        _deployment.AddTo(command);
        foreach (var option in _output.All.Concat(_fixes.All).Concat(_drift.All)) command.Options.Add(option);
        command.SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var targets = _output.Targets(parse, console.WorkingDirectory);
        var input = _deployment.Read(parse, console.WorkingDirectory);
        // The drift rules compare the nodes' trees with these settings and this cache.
        using var drift = DriftContext.Use(_drift.Settings(parse), _drift.Cache(parse, console.WorkingDirectory, input.ActiveHome, input.PassiveHome));
        var rules = console.Rules;
        var baseDirectory = _output.BaseDirectory(parse, console.WorkingDirectory);
        if (_fixes.Diff(parse) || _fixes.Fix(parse))
        {
            var outcome = new FixRunner(files => DeploymentLoader.Load(input, files), rules).Run(_fixes.IncludeUnsafe(parse));
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
        return Report(parse, targets, deployment, Analyzer.Run(deployment, rules), baseDirectory);
    }

    private void ReportApplied(FixOutcome outcome, string baseDirectory)
    {
        foreach (var d in outcome.Applied)
            console.Error.WriteLine($"fixed {d.Rule.Id} in {PathDisplay.Relative(d.Location.Path, baseDirectory)}: {d.Fix!.Title}");
        var files = outcome.Changes.Count;
        console.Error.WriteLine($"{outcome.Applied.Count} fix{(outcome.Applied.Count == 1 ? "" : "es")} applied, {files} file{(files == 1 ? "" : "s")} changed.");
    }

    private int Report(ParseResult parse, IReadOnlyList<(string Format, string? File)> targets, Deployment deployment, IReadOnlyList<Diagnostic> diagnostics, string baseDirectory)
    {
        var context = ReportContext.For(deployment, baseDirectory, console.Rules);
        foreach (var (format, file) in targets)
        {
            if (file is null)
            {
                Write(format, console.Out, diagnostics, context, console.UseColor);
                continue;
            }
            try
            {
                AtomicFile.Write(file, stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                    Write(format, writer, diagnostics, context, useColor: false);
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

    private static void Write(string format, TextWriter output, IReadOnlyList<Diagnostic> diagnostics, ReportContext context, bool useColor)
    {
        switch (format)
        {
            case "sarif": new SarifReportWriter(context, ProjectInfo.Version).Write(output, diagnostics); break;
            case "json": new JsonReportWriter(context, ProjectInfo.Version).Write(output, diagnostics); break;
            case "github": new GitHubReportWriter(context).Write(output, diagnostics); break;
            default: new TextReportWriter(context.BaseDirectory, useColor).Write(output, diagnostics); break;
        }
    }
}
