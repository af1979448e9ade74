using System.CommandLine;
using System.Text;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Loading;
using ApimLint.Reporting;

namespace ApimLint.Cli;

/// <summary>`apimlint [check] [DIR]`: load the deployment, run the rules, write every requested format.</summary>
internal sealed class CheckCommand(CliConsole console)
{
    private readonly DeploymentOptions _deployment = new();
    private readonly OutputOptions _output = new();

    public void AddTo(Command command)
    {
        _deployment.AddTo(command);
        foreach (var option in _output.All) command.Options.Add(option);
        command.SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var targets = _output.Targets(parse, console.WorkingDirectory);
        var deployment = DeploymentLoader.Load(_deployment.Read(parse, console.WorkingDirectory));
        var rules = console.Rules;
        var diagnostics = Analyzer.Run(deployment, rules);
        var context = ReportContext.For(deployment, _output.BaseDirectory(parse, console.WorkingDirectory), rules);
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
