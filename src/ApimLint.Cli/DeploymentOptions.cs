using System.CommandLine;
using ApimLint.Loading;
using ApimLint.Model;

namespace ApimLint.Cli;

/// <summary>The argument and options that say where a deployment is, shared by the root command and `check`.</summary>
internal sealed class DeploymentOptions
{
    private readonly Argument<string> _folder = new("DIR")
    {
        Description = "The deployment folder: active/, passive/, nginx/nginx.conf (or nginx.conf), optional db/*.sql.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<string?> _active = new("--active") { Description = "APIM_HOME of the active node (default: DIR/active)." };
    private readonly Option<string?> _passive = new("--passive") { Description = "APIM_HOME of the passive node (default: DIR/passive)." };
    private readonly Option<string?> _nginx = new("--nginx") { Description = "The nginx.conf in front of the nodes (default: DIR/nginx/nginx.conf or DIR/nginx.conf)." };

    private readonly Option<string[]> _sql = new("--sql")
    {
        Description = "A database provisioning script (repeatable; default: DIR/db/*.sql).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string> _os = new("--os")
    {
        Description = "The operating system the nodes run on.",
        DefaultValueFactory = _ => "linux",
    };

    public DeploymentOptions() => _os.AcceptOnlyFromAmong("linux", "windows");

    public void AddTo(Command command)
    {
        command.Arguments.Add(_folder);
        foreach (var option in new Option[] { _active, _passive, _nginx, _sql, _os }) command.Options.Add(option);
    }

    public DeploymentInput Read(ParseResult parse, string workingDirectory)
    {
        string? Full(string? path) => path is null ? null : Path.GetFullPath(path, workingDirectory);
        return DeploymentInput.FromFolder(
            Full(parse.GetValue(_folder)) ?? workingDirectory,
            Full(parse.GetValue(_active)),
            Full(parse.GetValue(_passive)),
            Full(parse.GetValue(_nginx)),
            parse.GetValue(_sql)?.Select(f => Full(f)!).ToList(),
            parse.GetValue(_os) == "windows" ? TargetOs.Windows : TargetOs.Linux);
    }
}
