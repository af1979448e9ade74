using ApimLint.Text;

namespace ApimLint.Drift;

/// <summary>What kind of difference an item is; each kind has its rule.</summary>
public enum DriftKind
{
    /// <summary>A configuration value (APIM701).</summary>
    Config,

    /// <summary>A configuration file on one node only, or one no parser reads that differs (APIM702).</summary>
    File,

    /// <summary>A deployed artifact (APIM703).</summary>
    Artifact,

    /// <summary>A jar, patch or update file (APIM704).</summary>
    Binary,

    /// <summary>The product version or update level (APIM705).</summary>
    Version,
}

/// <summary>How a difference stands against the divergence contract.</summary>
public enum DriftVerdict
{
    /// <summary>Meant to differ: port offset, cluster addresses, brokerlists, declared node-specific keys.</summary>
    Expected,

    /// <summary>Not meant to differ: a warning.</summary>
    Drift,

    /// <summary>Must be equal on both nodes: an error.</summary>
    MustEqual,
}

public static class DriftVerdicts
{
    public static string Name(this DriftVerdict verdict) => verdict switch
    {
        DriftVerdict.Expected => "expected",
        DriftVerdict.MustEqual => "must-equal",
        _ => "drift",
    };
}

/// <summary>How output shows a value of a difference.</summary>
public static class DriftValues
{
    /// <summary>
    /// On one line, shortened to <paramref name="width"/>; in quotes when it starts or ends with
    /// whitespace, which a .properties value keeps and which would otherwise not show.
    /// </summary>
    public static string OneLine(string value, int width)
    {
        var line = value.ReplaceLineEndings(" ");
        line = line.Length <= width ? line : line[..(width - 1)] + "…";
        return line.Length > 0 && (char.IsWhiteSpace(line[0]) || char.IsWhiteSpace(line[^1])) ? $"\"{line}\"" : line;
    }
}

/// <summary>One side's value of a difference, as output may show it.</summary>
/// <param name="Display">The value as written, or "********" for a secret, or a description ("present", "12 bytes").</param>
/// <param name="Location">Where it is written; for an absent value, the place it would belong (the enclosing element, the missing file).</param>
public sealed record DriftSide(string? Display, Location? Location)
{
    public bool IsAbsent => Display is null;
}

/// <summary>
/// One difference between the nodes: a key in a file (an XML path, a property, a JSON path), a file,
/// an artifact, a jar, the version. Locations are set when the files were parsed in this run (not when
/// the difference came from the cache).
/// </summary>
public sealed record DriftItem(
    DriftKind Kind,
    string File,
    string Key,
    DriftSide Active,
    DriftSide Passive,
    DriftVerdict Verdict,
    bool IsSecret = false,
    string? Detail = null)
{
    /// <summary>The rule that reports this kind of difference.</summary>
    public string RuleId => Kind switch
    {
        DriftKind.Config => "APIM701",
        DriftKind.File => "APIM702",
        DriftKind.Artifact => "APIM703",
        DriftKind.Binary => "APIM704",
        _ => "APIM705",
    };
}
