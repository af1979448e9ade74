using System.CommandLine;
using ApimLint.Loading;
using ApimLint.Reporting;
using ApimLint.Reporting.Escaping;

namespace ApimLint.Cli;

/// <summary>`apimlint topology [DIR]`: whether the nodes share a host, each node's names, and the evidence with file:line.</summary>
internal sealed class TopologyCommand(CliConsole console)
{
    private readonly DeploymentOptions _deployment = new();

    private readonly Option<string> _format = new("--format")
    {
        Description = "text (default) or json (for scripts).",
        DefaultValueFactory = _ => "text",
    };

    public Command Create()
    {
        _format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("topology",
            "Show what apimlint derives about the deployment's machines: whether the nodes share a host, the names each goes by, and every clue with its file and line.");
        _deployment.AddTo(command);
        command.Options.Add(_format);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parse)
    {
        var config = _deployment.Config(parse, console);
        var deployment = DeploymentLoader.Load(_deployment.Read(parse, console.WorkingDirectory, config));
        var writer = new TopologyReportWriter(deployment, console.WorkingDirectory);
        if (parse.GetValue(_format) == "json") writer.WriteJson(console.Out);
        else writer.WriteText(console.Out);
        return WarnOfUnparsedFiles(deployment) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>A file that did not parse holds clues the answer lacks: say which, so the answer is not taken as whole.</summary>
    private bool WarnOfUnparsedFiles(Model.Deployment deployment)
    {
        var unparsed = deployment.Files.Where(f => f.Error is not null).Select(f => f.FullPath).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var path in unparsed)
            console.Error.WriteLine($"apimlint: {TerminalText.Escape(PathDisplay.Relative(path, console.WorkingDirectory))} does not parse (APIM001 in apimlint check): the topology above may lack its clues");
        return unparsed.Count > 0;
    }
}
