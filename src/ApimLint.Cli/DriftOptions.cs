using System.CommandLine;
using ApimLint.Configuration;
using ApimLint.Drift;

namespace ApimLint.Cli;

/// <summary>--drift-ignore and --cache, for `check` and `diff`.</summary>
internal sealed class DriftOptions
{
    private readonly Option<string[]> _ignore = new("--drift-ignore")
    {
        HelpName = "GLOB",
        Description = "Never compare these paths between the nodes: a glob relative to APIM_HOME (repository/conf/security/*.jks), " +
                      "or FILE#KEY for keys in a file (repository/conf/carbon.xml#/Server/HostName). Repeatable.",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _cache = new("--cache")
    {
        HelpName = "FILE",
        Description = "Keep each compared file's size, modification time and hash in FILE, so that a rerun on unchanged trees reads only metadata.",
    };

    public IEnumerable<Option> All => [_ignore, _cache];

    /// <summary>apimlint.json's drift settings, with the paths given on the command line added to its ignore list.</summary>
    public DriftSettings Settings(ParseResult parse, ProjectConfig config, bool followSymlinks) =>
        config.Drift with { Ignore = [.. config.Drift.Ignore, .. parse.GetValue(_ignore) ?? []], FollowSymlinks = followSymlinks };

    public DriftCache? Cache(ParseResult parse, string workingDirectory, string activeHome, string passiveHome) =>
        parse.GetValue(_cache) is { } file ? DriftCache.Open(Path.GetFullPath(file, workingDirectory), activeHome, passiveHome) : null;
}
