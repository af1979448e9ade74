using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Syntax.Json;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Drift;

/// <summary>Every difference between the two nodes' trees, each with its verdict, in file order.</summary>
public sealed class DriftReport(string activeHome, string passiveHome, IReadOnlyList<DriftItem> items)
{
    public string ActiveHome { get; } = activeHome;
    public string PassiveHome { get; } = passiveHome;
    public IReadOnlyList<DriftItem> Items { get; } = items;

    /// <summary>The trees as compared, and which files came from the model: what a later comparison may take over unchanged.</summary>
    internal Dictionary<string, FileMeta>[] Trees { get; init; } = [];
    internal HashSet<string> ModelFiles { get; init; } = [];

    private ILookup<string, DriftItem>? _byFile;

    internal IEnumerable<DriftItem> ItemsOf(string path) => (_byFile ??= Items.ToLookup(i => i.File, StringComparer.Ordinal))[path];

    public IEnumerable<DriftItem> Of(DriftKind kind) => Items.Where(i => i.Kind == kind);

    public string FullPath(NodeRole node, string path) => Path.Combine(node == NodeRole.Active ? ActiveHome : PassiveHome, path);
}

/// <summary>
/// Compares two APIM_HOME trees: metadata first (a file on one node only, a size that differs), then
/// the contents of same-size files on all cores, then the configuration files that differ key by key.
/// Each file is read at most once; files the model already parsed are not read at all.
/// </summary>
public sealed class DriftAnalysis
{
    public const string CarbonXml = "repository/conf/carbon.xml";
    public const string VersionKey = "/Server/Version";
    public const string UpdateLevelKey = "update level";
    private const string WumFolder = "updates/wum/";
    private const string UpdatesConfig = "updates/config.json";

    /// <summary>Larger configuration files are compared as bytes only.</summary>
    private const long ParseLimit = 16 << 20;

    private readonly DriftPolicy _policy;
    private readonly bool _followLinks;
    private readonly string[] _homes;
    private readonly IReadOnlyDictionary<string, IConfigFile>[] _parsed;
    private readonly Lazy<(Node Active, Node Passive)> _nodes;

    // carbon.xml of each node when it was read here (it differs between the nodes, by the port offset at least).
    private readonly byte[]?[] _carbon = new byte[]?[2];
    private readonly DriftCache? _cache;
    private readonly DriftReport? _previous;

    // Differences from the cache carry no location: only `apimlint diff`, which shows none, uses them.
    private readonly bool _cachedDifferences;

    private readonly List<DriftItem> _items = [];

    private DriftAnalysis(DriftSettings settings, string activeHome, string passiveHome, IReadOnlyDictionary<string, IConfigFile>[] parsed,
        Func<(Node, Node)>? nodes, DriftCache? cache, bool cachedDifferences, DriftReport? previous = null)
    {
        _previous = previous?.ActiveHome == activeHome && previous.PassiveHome == passiveHome ? previous : null;
        _policy = new DriftPolicy(settings);
        _followLinks = settings.FollowSymlinks;
        _homes = [activeHome, passiveHome];
        _parsed = parsed;
        _nodes = new Lazy<(Node, Node)>(nodes ?? (() => (CarbonNode(NodeRole.Active), CarbonNode(NodeRole.Passive))));
        _cache = cache;
        _cachedDifferences = cachedDifferences;
    }

    /// <summary>
    /// For `apimlint check`: the model's parsed files are compared as they are (with a fix run's pending
    /// changes). The files a <paramref name="previous"/> comparison of the same trees read (a fix run
    /// checks again after each pass) are taken over when their metadata has not changed.
    /// </summary>
    public static DriftReport Run(Deployment deployment, DriftSettings settings, DriftCache? cache, DriftReport? previous = null) =>
        new DriftAnalysis(settings, deployment.Active.Home, deployment.Passive.Home,
            [ParsedFiles(deployment.Active), ParsedFiles(deployment.Passive)],
            () => (deployment.Active, deployment.Passive), cache, cachedDifferences: false, previous).Execute();

    /// <summary>For `apimlint diff`: no model; placeholders are resolved from carbon.xml alone (see <see cref="CarbonNode"/>).</summary>
    public static DriftReport Run(string activeHome, string passiveHome, DriftSettings settings, DriftCache? cache) =>
        new DriftAnalysis(settings, activeHome, passiveHome, [new Dictionary<string, IConfigFile>(), new Dictionary<string, IConfigFile>()],
            null, cache, cachedDifferences: true).Execute();

    /// <summary>
    /// The bytes one run may compare as streams, both nodes together. Two whole API-M packs hold about 1 GB;
    /// a file's size costs nothing to claim (a sparse file of terabytes takes no disk), so the limit is checked
    /// on the sizes before any is read.
    /// </summary>
    public const long CompareBudgetBytes = 8L << 30;

    private static void EnsureWithinCompareBudget(IEnumerable<ContentPair> pairs)
    {
        long total = 0;
        foreach (var pair in pairs)
            if ((total += 2 * pair.Size) > CompareBudgetBytes)
                throw new Loading.InputException($"{pair.ActiveFile}: comparing it would take apimlint past the {CompareBudgetBytes >> 30} GB it compares in one run (both nodes together)");
    }

    private static Dictionary<string, IConfigFile> ParsedFiles(Node node) =>
        node.Files.Where(f => f.Exists).GroupBy(f => f.RelativePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private DriftReport Execute()
    {
        var trees = new Dictionary<string, FileMeta>[2];
        Parallel.Invoke(() => trees[0] = TreeWalker.Walk(_homes[0], _policy, _followLinks), () => trees[1] = TreeWalker.Walk(_homes[1], _policy, _followLinks));
        for (var side = 0; side < 2; side++)
            foreach (var path in _parsed[side].Keys.Where(p => !trees[side].ContainsKey(p) && DriftPolicy.AreaOf(p) is not null))
                if (_policy.IgnoredFiles([path]).Count == 0) trees[side][path] = new FileMeta(-1, 0);

        var context = Context(trees, []);
        var parsePairs = new List<ContentPair>();
        var bulkPairs = new List<ContentPair>();
        var modelPairs = new List<string>();
        var paths = trees[0].Keys.Concat(trees[1].Keys.Where(p => !trees[0].ContainsKey(p))).ToArray();
        Array.Sort(paths, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (IsUpdateLevelMarker(path)) continue;
            var area = DriftPolicy.AreaOf(path)!.Value;
            var a = trees[0].GetValueOrDefault(path);
            var b = trees[1].GetValueOrDefault(path);
            // A file a fix run has changed in memory: its disk copy, size and cache entry are out of date.
            if (a is not null && b is not null && (ConfigFileLoader.IsPending(Full(0, path)) || ConfigFileLoader.IsPending(Full(1, path))))
            {
                modelPairs.Add(path);
                continue;
            }
            var knownA = a is null ? null : _cache?.See(NodeRole.Active, path, a);
            var knownB = b is null ? null : _cache?.See(NodeRole.Passive, path, b);
            if (Unchanged(path, a, b) is { } earlier)
            {
                _items.AddRange(earlier);
                continue;
            }
            if (a is null || b is null)
            {
                OneSided(path, area, (a ?? b)!, onActive: a is not null);
                continue;
            }
            if (_parsed[0].ContainsKey(path) || _parsed[1].ContainsKey(path))
            {
                modelPairs.Add(path);
                continue;
            }
            if (IsParsed(path, area) && Math.Max(a.Size, b.Size) <= ParseLimit)
            {
                if (knownA is not null && knownB is not null)
                {
                    if (knownA.AsSpan().SequenceEqual(knownB)) continue;
                    if (context is not null && _cache!.KnownDifferences(DriftCache.DifferencesKey(path, knownA, knownB, context)) is { } known)
                    {
                        AddDifferences(path, area, known, a, b);
                        continue;
                    }
                }
                parsePairs.Add(new ContentPair(path, Full(0, path), Full(1, path), Math.Max(a.Size, b.Size)) { WantHashes = _cache is not null });
                continue;
            }
            if (a.Size != b.Size)
            {
                ContentDiffers(path, area, a, b, null);
                continue;
            }
            if (knownA is not null && knownB is not null)
            {
                if (!knownA.AsSpan().SequenceEqual(knownB)) ContentDiffers(path, area, a, b, null);
                continue;
            }
            if (a.Size > 0)
                bulkPairs.Add(new ContentPair(path, Full(0, path), Full(1, path), a.Size) { WantHashes = _cache is not null, ActiveHash = knownA, PassiveHash = knownB });
        }

        // The jars on the other cores; the files to parse on this one, as the tree's configuration is
        // compared key by key while the bulk is still being read.
        EnsureWithinCompareBudget(bulkPairs);
        var bulk = ContentComparer.Start(bulkPairs);
        foreach (var pair in parsePairs) ContentComparer.ReadWhole(pair);
        if (parsePairs.FirstOrDefault(p => p.Path == CarbonXml) is { } carbon) (_carbon[0], _carbon[1]) = (carbon.ActiveContent, carbon.PassiveContent);
        context = Context(trees, parsePairs);
        foreach (var pair in parsePairs.Where(p => p.Differs))
        {
            var area = DriftPolicy.AreaOf(pair.Path)!.Value;
            var (a, b) = (trees[0][pair.Path], trees[1][pair.Path]);
            var x = Parse(pair.Path, Full(0, pair.Path), pair.ActiveContent!);
            var y = Parse(pair.Path, Full(1, pair.Path), pair.PassiveContent!);
            if (x is null || y is null)
            {
                ContentDiffers(pair.Path, area, a, b, "does not parse on " + (x is null ? "active" : "passive"));
                continue;
            }
            var differences = Compare(pair.Path, x, y);
            if (context is not null && pair.ActiveHash is not null && pair.PassiveHash is not null)
                _cache!.RecordDifferences(DriftCache.DifferencesKey(pair.Path, pair.ActiveHash, pair.PassiveHash, context), differences);
            AddDifferences(pair.Path, area, differences, a, b);
        }
        foreach (var path in modelPairs)
        {
            // A file that does not parse is APIM001's; there is nothing to compare key by key.
            if (ModelSyntax(0, path) is not { } x || ModelSyntax(1, path) is not { } y || x.Source.Text == y.Source.Text) continue;
            AddDifferences(path, DriftPolicy.AreaOf(path)!.Value, Compare(path, x, y), trees[0][path], trees[1][path]);
        }
        bulk.Finish();
        foreach (var pair in bulkPairs.Where(p => p.Differs))
            ContentDiffers(pair.Path, DriftPolicy.AreaOf(pair.Path)!.Value, trees[0][pair.Path], trees[1][pair.Path], null);

        if (_cache is not null)
        {
            foreach (var pair in parsePairs.Concat(bulkPairs))
            {
                _cache.Record(NodeRole.Active, pair.Path, trees[0][pair.Path], pair.ActiveHash);
                _cache.Record(NodeRole.Passive, pair.Path, trees[1][pair.Path], pair.PassiveHash);
            }
            _cache.Save();
        }
        UpdateLevels(trees);
        _items.Sort((p, q) =>
        {
            var c = string.CompareOrdinal(p.File, q.File);
            return c != 0 ? c : string.CompareOrdinal(p.Key, q.Key);
        });
        return new DriftReport(_homes[0], _homes[1], _items)
        {
            Trees = trees,
            ModelFiles = _parsed[0].Keys.Concat(_parsed[1].Keys).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>The previous comparison's items for a file no model read, when the file is as it was then on both nodes.</summary>
    private IEnumerable<DriftItem>? Unchanged(string path, FileMeta? a, FileMeta? b)
    {
        if (_previous is null || _parsed[0].ContainsKey(path) || _parsed[1].ContainsKey(path) || _previous.ModelFiles.Contains(path)) return null;
        FileMeta? Earlier(int side) => _previous.Trees[side].TryGetValue(path, out var meta) ? meta : null;
        return Earlier(0) == a && Earlier(1) == b ? _previous.ItemsOf(path) : null;
    }

    // ---- what a difference becomes ---------------------------------------------------------------

    private void OneSided(string path, DriftArea area, FileMeta meta, bool onActive)
    {
        var present = new DriftSide(Size(meta), Location.WholeFile(Full(onActive ? 0 : 1, path)));
        var absent = new DriftSide(null, Location.WholeFile(Full(onActive ? 1 : 0, path)));
        _items.Add(new DriftItem(KindOf(area), path, "(file)", onActive ? present : absent, onActive ? absent : present, FileVerdict(path, area)));
    }

    private void ContentDiffers(string path, DriftArea area, FileMeta a, FileMeta b, string? detail) =>
        _items.Add(new DriftItem(KindOf(area), path, "(content)",
            new DriftSide(Size(a), Location.WholeFile(Full(0, path))), new DriftSide(Size(b), Location.WholeFile(Full(1, path))),
            FileVerdict(path, area), Detail: detail ?? (a.Size == b.Size ? "same size, different content" : null)));

    /// <summary>Configuration keys become one item each; an artifact that differs is one item, at its first differing key.</summary>
    private void AddDifferences(string path, DriftArea area, IReadOnlyList<KeyDifference> differences, FileMeta a, FileMeta b)
    {
        var kept = differences.Where(d => !_policy.IsIgnored(path, d.Key)).ToList();
        if (area == DriftArea.Artifact)
        {
            if (kept.Count > 0)
                _items.Add(new DriftItem(DriftKind.Artifact, path, kept[0].Key,
                    new DriftSide(Size(a), kept[0].Active.Location ?? Location.WholeFile(Full(0, path))),
                    new DriftSide(Size(b), kept[0].Passive.Location ?? Location.WholeFile(Full(1, path))),
                    FileVerdict(path, area), Detail: kept.Count == 1 ? "1 key differs" : $"{kept.Count} keys differ"));
            return;
        }
        foreach (var d in kept)
        {
            var version = path == CarbonXml && d.Key == VersionKey;
            _items.Add(new DriftItem(version ? DriftKind.Version : DriftKind.Config, path, d.Key,
                d.Active, d.Passive, version ? DriftVerdict.MustEqual : _policy.VerdictFor(path, d.Key), d.IsSecret));
        }
    }

    private static DriftKind KindOf(DriftArea area) => area switch
    {
        DriftArea.Config => DriftKind.File,
        DriftArea.Artifact => DriftKind.Artifact,
        _ => DriftKind.Binary,
    };

    private DriftVerdict FileVerdict(string path, DriftArea area) =>
        _policy.IsNodeSpecificFile(path) ? DriftVerdict.Expected : area == DriftArea.Artifact ? DriftVerdict.MustEqual : DriftVerdict.Drift;

    private static string? Size(FileMeta meta) => meta.Size < 0 ? "present" : meta.Size == 1 ? "1 byte" : $"{meta.Size} bytes";

    // ---- parsing and comparing ---------------------------------------------------------------------

    private static bool IsParsed(string path, DriftArea area) =>
        area != DriftArea.Binary && (area == DriftArea.Config ? path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                                                                || path.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
                                                                || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                                                              : path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>The syntax of a file read here; null when it does not parse.</summary>
    private static Syntax.SyntaxNode? Parse(string path, string fullPath, byte[] bytes)
    {
        var (text, encoding) = SourceEncoding.Decode(bytes);
        return Parse(path, new SourceText(fullPath, text, encoding));
    }

    private static Syntax.SyntaxNode? Parse(string path, SourceText source) =>
        Syntax.FileSyntax.Parse(path, source) is { Error: null } parsed ? parsed.Syntax : null;

    /// <summary>
    /// A file as the model parsed it (with a fix run's pending changes); when only the other node's model
    /// reads it (a JNDI file one node's publisher names), as this node's disk has it.
    /// </summary>
    private Syntax.SyntaxNode? ModelSyntax(int side, string path)
    {
        if (!_parsed[side].TryGetValue(path, out var file)) return Parse(path, ConfigFileLoader.Read(Full(side, path)));
        return file.Error is not null ? null : file switch
        {
            ConfigFile<XmlDocumentSyntax> x => x.Syntax,
            ConfigFile<PropertiesFileSyntax> p => p.Syntax,
            ConfigFile<JsonDocumentSyntax> j => j.Syntax,
            _ => null,
        };
    }

    /// <summary>
    /// A node as its carbon.xml alone describes it, read by the loader from a tree holding only that file:
    /// every value a placeholder takes (port offset, context root) comes from carbon.xml, and `apimlint
    /// diff` need not parse the whole model to resolve one.
    /// </summary>
    private Node CarbonNode(NodeRole node)
    {
        var side = (int)node;
        using var _ = ConfigFileLoader.Use(new SingleFileSystem(Path.GetFullPath(Full(side, CarbonXml)), _carbon[side]));
        return NodeReader.Read(node, _homes[side], NodeOverride.None);
    }

    private sealed class SingleFileSystem(string path, byte[]? content) : IFileSystem
    {
        public bool FileExists(string file) => file == path && (content is not null || File.Exists(file));

        public bool DirectoryExists(string directory) => false;

        public IEnumerable<string> GetFiles(string directory, string pattern) => [];

        public SourceText Read(string file)
        {
            if (content is null) return SourceReader.Read(file);
            var (text, encoding) = SourceEncoding.Decode(content);
            return new SourceText(file, text, encoding);
        }
    }

    private IReadOnlyList<KeyDifference> Compare(string path, object active, object passive) =>
        ConfigComparer.Compare(active, passive, path, text => _nodes.Value.Active.Resolve(text), text => _nodes.Value.Passive.Resolve(text));

    /// <summary>
    /// What the cached differences of a configuration file depend on besides its contents: the two
    /// carbon.xml files, which give the values of placeholders (port offset, context root).
    /// </summary>
    private string? Context(Dictionary<string, FileMeta>[] trees, List<ContentPair> pairs)
    {
        if (_cache is null || !_cachedDifferences) return null;
        var hashes = new string[2];
        for (var side = 0; side < 2; side++)
        {
            if (!trees[side].TryGetValue(CarbonXml, out var meta))
            {
                hashes[side] = "-";
                continue;
            }
            var pair = pairs.FirstOrDefault(p => p.Path == CarbonXml);
            var hash = (pair is null ? null : side == 0 ? pair.ActiveHash : pair.PassiveHash)
                       ?? _cache.KnownHash((NodeRole)side, CarbonXml, meta);
            if (hash is null) return null;
            hashes[side] = Convert.ToHexString(hash);
        }
        return string.Join(":", hashes);
    }

    // ---- product version and update level ----------------------------------------------------------

    private static bool IsUpdateLevelMarker(string path) =>
        path == UpdatesConfig || (path.StartsWith(WumFolder, StringComparison.Ordinal) && path.IndexOf('/', WumFolder.Length) < 0);

    /// <summary>
    /// The update level each node runs: with WUM the newest timestamp file in updates/wum/, with WSO2
    /// Updates 2.0 the "update-level" of updates/config.json (how WSO2's call-home reads them).
    /// </summary>
    private void UpdateLevels(Dictionary<string, FileMeta>[] trees)
    {
        var levels = new (string Level, string Path, Location Location)?[2];
        for (var side = 0; side < 2; side++) levels[side] = UpdateLevel(side, trees[side]);
        if (levels[0] is null && levels[1] is null || levels[0]?.Level == levels[1]?.Level) return;
        var path = (levels[1] ?? levels[0])!.Value.Path;
        DriftSide Side(int side) => levels[side] is { } l ? new DriftSide(l.Level, l.Location) : new DriftSide(null, Location.WholeFile(Full(side, path)));
        _items.Add(new DriftItem(DriftKind.Version, path, UpdateLevelKey, Side(0), Side(1), DriftVerdict.MustEqual));
    }

    private (string Level, string Path, Location Location)? UpdateLevel(int side, Dictionary<string, FileMeta> tree)
    {
        if (tree.ContainsKey(UpdatesConfig))
        {
            var source = ConfigFileLoader.Read(Full(side, UpdatesConfig));
            if ((JsonParser.Parse(source).Root as JsonObjectSyntax)?.Property("update-level")?.Value is JsonScalarSyntax level)
                return (level.Value, UpdatesConfig, Location.InFile(source, level.ValueSpan));
        }
        (string Path, long Stamp)? newest = null;
        foreach (var path in tree.Keys.Where(p => p != UpdatesConfig && IsUpdateLevelMarker(p)))
            if (long.TryParse(path[WumFolder.Length..], out var stamp) && stamp > (newest?.Stamp ?? -1)) newest = (path, stamp);
        return newest is { } n ? (n.Stamp.ToString(), n.Path, Location.WholeFile(Full(side, n.Path))) : null;
    }

    private string Full(int side, string path) => Path.Combine(_homes[side], path);
}
