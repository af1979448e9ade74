using System.CommandLine;
using ApimLint.Drift;
using ApimLint.Loading;

namespace ApimLint.Cli;

/// <summary>`apimlint diff [DIR]`: every difference between the two nodes, with its verdict, as a table or JSON.</summary>
internal sealed class DiffCommand(CliConsole console)
{
    private readonly Argument<string> _folder = new("DIR")
    {
        Description = "The deployment folder with active/ and passive/.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<string?> _active = new("--active") { HelpName = "DIR", Description = "APIM_HOME of the active node (default: DIR/active)." };
    private readonly Option<string?> _passive = new("--passive") { HelpName = "DIR", Description = "APIM_HOME of the passive node (default: DIR/passive)." };

    private readonly Option<string> _format = new("--format")
    {
        Description = "text (a table) or json (for scripts).",
        DefaultValueFactory = _ => "text",
    };

    private readonly Option<bool> _followSymlinks = new("--follow-symlinks")
    {
        Description = "Walk linked folders and files too, never into a loop (linked folders are not entered by default).",
    };

    private readonly DriftOptions _drift = new();
    private readonly ConfigOption _config = new();

    public Command Create()
    {
        _format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("diff",
            "Show every difference between the nodes (configuration keys, files, artifacts, jars, version) and whether it is expected, drift or must-equal. Exit 1 when anything is not expected.");
        command.Arguments.Add(_folder);
        foreach (var option in new Option[] { _active, _passive, _format, _followSymlinks, _config.Option }.Concat(_drift.All)) command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parse)
    {
        var folder = Path.GetFullPath(parse.GetValue(_folder) ?? ".", console.WorkingDirectory);
        var config = _config.Find(parse, folder, console);
        string? Configured(Model.NodeRole role) => config.Nodes.FirstOrDefault(n => n.Role == role)?.Path is { } p ? Path.GetFullPath(p, config.Directory!) : null;
        var follow = parse.GetValue(_followSymlinks);
        var active = Home(parse.GetValue(_active) ?? Configured(Model.NodeRole.Active), folder, "active", follow);
        var passive = Home(parse.GetValue(_passive) ?? Configured(Model.NodeRole.Passive), folder, "passive", follow);
        var report = DriftAnalysis.Run(active, passive, _drift.Settings(parse, config, follow), _drift.Cache(parse, console.WorkingDirectory, active, passive));
        if (parse.GetValue(_format) == "json") DriftJsonWriter.Write(console.Out, report, console.WorkingDirectory);
        else DriftTableWriter.Write(console.Out, report);
        return report.Items.Any(i => i.Verdict != DriftVerdict.Expected) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>A node's folder, confined as check confines it: one inside the deployment folder does not link out of it.</summary>
    private string Home(string? given, string folder, string node, bool followSymlinks) =>
        Path.TrimEndingDirectorySeparator(DeploymentInput.RequireFolder(folder,
            given is null ? Path.Combine(folder, node) : Path.GetFullPath(given, console.WorkingDirectory),
            $"{node} node", given is null ? $"--{node}" : null, followSymlinks));
}
