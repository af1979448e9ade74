using System.CommandLine;
using ApimLint.Configuration;
using ApimLint.Diagnostics;
using ApimLint.Engine;

namespace ApimLint.Cli;

/// <summary>Output formats, where each goes, and what makes the run fail.</summary>
internal sealed class OutputOptions
{
    public static readonly string[] Formats = ["text", "sarif", "json", "github", "gitlab", "junit", "markdown", "html"];

    /// <summary>Formats meant for a file; the others are meant for a terminal or a CI log.</summary>
    private static readonly string[] FileFormats = ["sarif", "json", "gitlab", "junit", "markdown", "html"];

    /// <summary>`--output -`: the format goes to standard output.</summary>
    private const string StandardOutput = "-";

    private readonly Option<string[]> _format = new("--format")
    {
        Description = "text, sarif, json, github, gitlab (Code Quality), junit, markdown or html (repeatable: several formats in one run).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> _output = new("--output", "-o")
    {
        HelpName = "FILE",
        Description = "Write a format to FILE (whole or not at all) instead of standard output; - is standard output. Outputs pair, in order, with the " +
                      "file formats (sarif, json, gitlab, junit, markdown, html); text and github stay on standard output unless they are the only format: " +
                      "`--format text --format sarif --output x.sarif` prints text and writes SARIF. At most one format goes to standard output.",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _basePath = new("--base-path")
    {
        HelpName = "DIR",
        Description = "Make paths in the output relative to this folder (e.g. the repository root) instead of the current folder.",
    };

    private readonly Option<string?> _failLevel = new("--fail-level")
    {
        Description = "Exit 1 when a finding is at or above this level: error (default), warning, note or none.",
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Show details of internal errors." };

    private readonly Option<bool> _noInlineSuppressions = new("--no-inline-suppressions")
    {
        Description = "Ignore every apimlint-disable comment in the deployment's files.",
    };

    private readonly Option<bool> _includeSuppressed = new("--include-suppressed")
    {
        Description = "Put suppressed findings into SARIF, JSON and HTML, marked with their suppression and justification " +
                      "(left out by default: GitHub code scanning ignores SARIF suppressions).",
    };

    public OutputOptions()
    {
        _format.AcceptOnlyFromAmong(Formats);
        _failLevel.AcceptOnlyFromAmong("error", "warning", "note", "none");
    }

    public IEnumerable<Option> All => [_format, _output, _basePath, _failLevel, _verbose, _noInlineSuppressions, _includeSuppressed];

    public bool IncludeSuppressed(ParseResult parse) => parse.GetValue(_includeSuppressed);

    public AnalysisOptions Analysis(ParseResult parse, IReadOnlyDictionary<string, Severity> severities) =>
        new(severities, InlineSuppressions: !parse.GetValue(_noInlineSuppressions));

    /// <summary>Each format with the file it goes to (null: standard output).</summary>
    public IReadOnlyList<ReportTarget> Targets(ParseResult parse, string workingDirectory)
    {
        var formats = parse.GetValue(_format) is { Length: > 0 } given ? given.Distinct().ToList() : ["text"];
        var outputs = new Queue<string>((parse.GetValue(_output) ?? []).Select(o => o == StandardOutput ? o : Path.GetFullPath(o, workingDirectory)));
        var pairable = formats.Count == 1 ? formats : formats.Where(FileFormats.Contains).ToList();
        if (outputs.Count > pairable.Count)
            throw new UsageException($"{outputs.Count} --output for {pairable.Count} format(s) that can take one");
        var targets = formats.Select(f => new ReportTarget(f, pairable.Contains(f) && outputs.Count > 0 ? outputs.Dequeue() : null))
            .Select(t => t.File == StandardOutput ? t with { File = null } : t).ToList();
        if (targets.Count(t => t.File is null) > 1)
            throw new UsageException($"only one format can go to standard output; give --output for {string.Join(" or ", targets.Where(t => t.File is null && FileFormats.Contains(t.Format)).Select(t => t.Format))}");
        return targets;
    }

    public string BaseDirectory(ParseResult parse, string workingDirectory) =>
        parse.GetValue(_basePath) is { } basePath ? Path.GetFullPath(basePath, workingDirectory) : workingDirectory;

    public Severity FailLevel(ParseResult parse, ProjectConfig config) => parse.GetValue(_failLevel) switch
    {
        "warning" => Severity.Warning,
        "note" => Severity.Note,
        "none" => Severity.None,
        "error" => Severity.Error,
        _ => config.FailLevel ?? Severity.Error,
    };
}

/// <summary>A report to write: its format, and its file (null: standard output).</summary>
internal sealed record ReportTarget(string Format, string? File);
