using System.Collections.Concurrent;

namespace ApimLint.Drift;

/// <summary>Which part of APIM_HOME a file belongs to, and so which rule speaks about it.</summary>
public enum DriftArea
{
    /// <summary>repository/conf and repository/deployment/server: configuration (APIM701, APIM702).</summary>
    Config,

    /// <summary>Deployed artifacts that Rsync must copy: synapse-configs, executionplans, userstores (APIM703).</summary>
    Artifact,

    /// <summary>Jars and patches: repository/components/{plugins,dropins,lib,patches} and updates/ (APIM704).</summary>
    Binary,
}

/// <summary>The divergence contract, built-in defaults plus the user's settings, ready to answer per file and per key.</summary>
public sealed class DriftPolicy
{
    public const string DeploymentServer = "repository/deployment/server/";

    /// <summary>The folders compared, relative to APIM_HOME.</summary>
    public static readonly IReadOnlyList<string> Roots =
    [
        "repository/conf", "repository/deployment/server",
        "repository/components/plugins", "repository/components/dropins", "repository/components/lib", "repository/components/patches",
        "updates",
    ];

    private static readonly string[] ArtifactFolders = ["synapse-configs/", "executionplans/", "userstores/"];
    private static readonly string[] BinaryFolders = Roots.Skip(2).Select(root => root + "/").ToArray();

    private readonly GlobList _ignore;
    private readonly GlobList _nodeSpecific;
    private readonly GlobList _mustEqual;

    public DriftPolicy(DriftSettings settings)
    {
        _ignore = new GlobList(DriftDefaults.Ignore.Concat(settings.Ignore));
        _nodeSpecific = new GlobList(DriftDefaults.NodeSpecific.Concat(settings.NodeSpecific));
        _mustEqual = new GlobList(DriftDefaults.MustEqual.Concat(settings.MustEqual));
    }

    public static DriftArea? AreaOf(string path)
    {
        if (path.StartsWith(DeploymentServer, StringComparison.Ordinal))
        {
            var rest = path.AsSpan(DeploymentServer.Length);
            foreach (var folder in ArtifactFolders)
                if (rest.StartsWith(folder, StringComparison.Ordinal)) return DriftArea.Artifact;
            return DriftArea.Config;
        }
        if (path.StartsWith("repository/conf/", StringComparison.Ordinal)) return DriftArea.Config;
        foreach (var folder in BinaryFolders)
            if (path.StartsWith(folder, StringComparison.Ordinal)) return DriftArea.Binary;
        return null;
    }

    /// <summary>The files of <paramref name="paths"/> that are never compared.</summary>
    public HashSet<string> IgnoredFiles(IEnumerable<string> paths) => _ignore.FilesMatching(paths);

    public bool IsIgnored(string path, string key) => _ignore.MatchesKey(path, key);

    public bool IsNodeSpecificFile(string path) => _nodeSpecific.MatchesFile(path);

    public DriftVerdict VerdictFor(string path, string key) =>
        _nodeSpecific.MatchesKey(path, key) ? DriftVerdict.Expected
        : _mustEqual.MatchesKey(path, key) ? DriftVerdict.MustEqual
        : DriftVerdict.Drift;
}

/// <summary>
/// Globs relative to APIM_HOME in Microsoft.Extensions.FileSystemGlobbing's dialect ('*' within a path
/// segment, '**' for any number of segments, case-sensitive), matched in memory: a tree walk asks for
/// thousands of paths. A glob with '#' names keys inside the files it matches, '/' separating the
/// key's segments as it separates a path's.
/// </summary>
internal sealed class GlobList
{
    private readonly List<Glob> _files = [];
    private readonly List<KeyGlob> _keys = [];

    private sealed record KeyGlob(Glob File, Glob Key);
    private readonly ConcurrentDictionary<string, ForOneFile> _perFile = new(StringComparer.Ordinal);

    private sealed record ForOneFile(bool WholeFile, Glob[] Keys);

    public GlobList(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            var hash = pattern.IndexOf('#');
            if (hash < 0) _files.Add(new Glob(pattern));
            else _keys.Add(new KeyGlob(new Glob(hash == 0 ? "**" : pattern[..hash]), new Glob(pattern[(hash + 1)..])));
        }
    }

    public bool MatchesFile(string path) => ForFile(path).WholeFile;

    public bool MatchesKey(string path, string key)
    {
        var (wholeFile, keys) = ForFile(path);
        return wholeFile || keys.Any(k => k.IsMatch(key));
    }

    public HashSet<string> FilesMatching(IEnumerable<string> paths) =>
        _files.Count == 0 ? [] : paths.Where(p => _files.Any(g => g.IsMatch(p))).ToHashSet(StringComparer.Ordinal);

    private ForOneFile ForFile(string path) =>
        _perFile.GetOrAdd(path, p => new ForOneFile(_files.Any(g => g.IsMatch(p)), _keys.Where(k => k.File.IsMatch(p)).Select(k => k.Key).ToArray()));
}

/// <summary>One glob: its '/'-separated segments, each a literal, a pattern with '*', or '**'.</summary>
internal sealed class Glob
{
    private readonly string[] _segments;

    // What every match starts and ends with (its leading literal segments, the end of its last segment),
    // so that most paths are turned down without matching segment by segment.
    private readonly string _prefix;
    private readonly string _suffix;

    public Glob(string pattern)
    {
        _segments = pattern.Trim('/').Split('/');
        _prefix = string.Concat(_segments.TakeWhile(s => !s.Contains('*')).Select(s => s + "/"));
        var last = _segments[^1];
        _suffix = last.Contains('*') ? last[(last.LastIndexOf('*') + 1)..] : "";
    }

    public bool IsMatch(string path)
    {
        var span = path.AsSpan().Trim('/');
        return (_prefix.Length == 0 || span.StartsWith(_prefix) || span.SequenceEqual(_prefix.AsSpan().TrimEnd('/')))
               && span.EndsWith(_suffix) && Match(0, span);
    }

    private bool Match(int index, ReadOnlySpan<char> rest)
    {
        while (true)
        {
            if (index == _segments.Length) return rest.IsEmpty;
            if (_segments[index] == "**")
            {
                if (index == _segments.Length - 1) return true;
                while (true)
                {
                    if (Match(index + 1, rest)) return true;
                    var slash = rest.IndexOf('/');
                    if (slash < 0) return false;
                    rest = rest[(slash + 1)..];
                }
            }
            if (rest.IsEmpty) return false;
            var end = rest.IndexOf('/');
            var segment = end < 0 ? rest : rest[..end];
            if (!SegmentMatches(_segments[index], segment)) return false;
            rest = end < 0 ? [] : rest[(end + 1)..];
            index++;
        }
    }

    /// <summary>'*' matches any run of characters inside one segment.</summary>
    private static bool SegmentMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        var star = pattern.IndexOf('*');
        if (star < 0) return pattern.SequenceEqual(text);
        if (!text.StartsWith(pattern[..star])) return false;
        text = text[star..];
        pattern = pattern[(star + 1)..];
        while (true)
        {
            var next = pattern.IndexOf('*');
            if (next < 0) return text.EndsWith(pattern);
            var found = text.IndexOf(pattern[..next]);
            if (found < 0) return false;
            text = text[(found + next)..];
            pattern = pattern[(next + 1)..];
        }
    }
}
