using System.CommandLine;
using ApimLint.Configuration;
using ApimLint.Loading;
using ApimLint.Model;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ApimLint.Cli;

/// <summary>
/// The argument and options that say where a deployment is, shared by the commands that read one.
/// Options win over apimlint.json, which wins over the conventional layout.
/// </summary>
internal sealed class DeploymentOptions
{
    private readonly Argument<string> _folder = new("DIR")
    {
        Description = "The deployment folder: active/, passive/, nginx/nginx.conf (or nginx.conf), optional db/*.sql.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<string?> _active = new("--active") { HelpName = "DIR", Description = "APIM_HOME of the active node (default: DIR/active)." };
    private readonly Option<string?> _passive = new("--passive") { HelpName = "DIR", Description = "APIM_HOME of the passive node (default: DIR/passive)." };
    private readonly Option<string?> _nginx = new("--nginx") { HelpName = "FILE", Description = "The nginx.conf in front of the nodes (default: DIR/nginx/nginx.conf or DIR/nginx.conf)." };

    private readonly Option<string[]> _sql = new("--sql")
    {
        HelpName = "FILE",
        Description = "A database provisioning script (repeatable; default: DIR/db/*.sql).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> _os = new("--os") { Description = "The operating system the nodes run on: linux (default) or windows." };

    private readonly Option<bool> _followSymlinks = new("--follow-symlinks")
    {
        Description = "Read configuration files behind symbolic links that lead outside their node's folder, and walk linked folders when comparing the nodes (not followed by default).",
    };

    private readonly ConfigOption _config = new();

    public DeploymentOptions() => _os.AcceptOnlyFromAmong("linux", "windows");

    public void AddTo(Command command)
    {
        command.Arguments.Add(_folder);
        foreach (var option in new Option[] { _active, _passive, _nginx, _sql, _os, _config.Option, _followSymlinks }) command.Options.Add(option);
    }

    /// <summary>
    /// For a command whose next argument is a file: a DIR that is not a folder is left to that argument,
    /// so that `apimlint baseline write FILE` keeps meaning the file.
    /// </summary>
    public void TakeOnlyFolders(string workingDirectory) => _folder.CustomParser = result =>
    {
        if (result.Tokens.Count == 0) return ".";
        if (Directory.Exists(Path.GetFullPath(result.Tokens[0].Value, workingDirectory))) return result.Tokens[0].Value;
        result.OnlyTake(0);
        return ".";
    };

    public string Folder(ParseResult parse, string workingDirectory) => Path.GetFullPath(parse.GetValue(_folder) ?? ".", workingDirectory);

    public ProjectConfig Config(ParseResult parse, CliConsole console) => _config.Find(parse, Folder(parse, console.WorkingDirectory), console);

    public DeploymentInput Read(ParseResult parse, string workingDirectory, ProjectConfig config)
    {
        string? Full(string? path) => path is null ? null : Path.GetFullPath(path, workingDirectory);
        string? FromConfig(string? path) => path is null ? null : Path.GetFullPath(path, config.Directory!);
        string? NodePath(NodeRole role) => FromConfig(config.Nodes.FirstOrDefault(n => n.Role == role)?.Path);
        // A node declared on Windows makes the deployment's MySQL checks Windows ones.
        var os = parse.GetValue(_os) is { } given ? (given == "windows" ? TargetOs.Windows : TargetOs.Linux)
            : config.Os ?? (config.Nodes.Any(n => n.Os == TargetOs.Windows) ? TargetOs.Windows : TargetOs.Linux);
        var sql = parse.GetValue(_sql) is { Length: > 0 } files ? files.Select(f => Full(f)!).ToList() : ExpandSql(config);
        NodeOverride OverrideOf(NodeConfig node) => new(node.Host, node.PortOffset) { Aliases = node.Aliases, Source = config.File };
        NodeOverride Override(NodeRole role) =>
            config.Nodes.FirstOrDefault(n => n.Role == role) is { } node ? OverrideOf(node) : NodeOverride.None;
        if (config.HasServerRoles)
        {
            var servers = config.Nodes.Select(n => new ServerInput(n.Name, FromConfig(n.Path)!, n.Server, n.Group) { Override = OverrideOf(n) }).ToList();
            return DeploymentInput.ForServers(Folder(parse, workingDirectory), servers, Full(parse.GetValue(_nginx)) ?? FromConfig(config.Nginx),
                sql, os, parse.GetValue(_followSymlinks)) with
            {
                DeclaredVersion = config.Version,
                NginxPrefix = config.NginxPrefix ?? ApimLint.Syntax.Nginx.NginxConfig.DefaultPrefix,
            };
        }
        var input = DeploymentInput.FromFolder(
            Folder(parse, workingDirectory),
            Full(parse.GetValue(_active)) ?? NodePath(NodeRole.Active),
            Full(parse.GetValue(_passive)) ?? NodePath(NodeRole.Passive),
            Full(parse.GetValue(_nginx)) ?? FromConfig(config.Nginx),
            sql,
            os,
            parse.GetValue(_followSymlinks)) with
        {
            ActiveOverride = Override(NodeRole.Active), PassiveOverride = Override(NodeRole.Passive),
            ArtifactSync = config.ArtifactSync ?? ArtifactSync.Rsync,
            NginxPrefix = config.NginxPrefix ?? ApimLint.Syntax.Nginx.NginxConfig.DefaultPrefix,
            DeclaredVersion = config.Version,
        };
        // active/ and passive/ configured by deployment.toml: the pair's overrides go to the two all-in-one nodes read there.
        return input with
        {
            Servers = input.Servers.Select(s => s with { Override = Override(s.Name == "active" ? NodeRole.Active : NodeRole.Passive) }).ToList(),
        };
    }

    /// <summary>The config's sql entries, which may be globs, relative to the config's folder.</summary>
    private static List<string>? ExpandSql(ProjectConfig config)
    {
        if (config.Sql.Count == 0) return null;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(config.Sql);
        return matcher.GetResultsInFullPath(config.Directory!).Order(StringComparer.Ordinal).ToList();
    }
}

/// <summary>--config: the apimlint.json to read instead of the one found from the deployment folder up.</summary>
internal sealed class ConfigOption
{
    public Option<string?> Option { get; } = new("--config")
    {
        HelpName = "FILE",
        Description = $"The configuration file (default: {ConfigReader.FileName} in DIR or its nearest parent).",
    };

    public ProjectConfig Find(ParseResult parse, string folder, CliConsole console)
    {
        var explicitFile = parse.GetValue(Option) is { } file ? Path.GetFullPath(file, console.WorkingDirectory) : null;
        return ConfigReader.Find(Directory.Exists(folder) ? folder : console.WorkingDirectory, explicitFile, console.Descriptors);
    }
}
