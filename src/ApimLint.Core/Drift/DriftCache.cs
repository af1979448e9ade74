using System.Text;
using ApimLint.Model;
using ApimLint.Reporting;

namespace ApimLint.Drift;

/// <summary>
/// The --cache file: for each compared file of both nodes its (path, size, modification time, hash),
/// and the key differences found in the configuration files of a given pair of contents. A rerun on
/// unchanged trees takes every answer from here and reads only metadata. The file holds no secret:
/// hashes of whole files and values already masked. Used from one thread (the comparison's).
/// </summary>
public sealed class DriftCache
{
    private const string Magic = "apimlint-drift-cache";
    private const int FormatVersion = 2;

    private readonly string _path;
    private readonly string[] _homes;
    private readonly Dictionary<string, Entry>[] _old = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly Dictionary<string, Entry>[] _now = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    private sealed record Entry(FileMeta Meta, byte[]? Hash);
    private readonly Dictionary<string, IReadOnlyList<KeyDifference>> _oldResults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<KeyDifference>> _nowResults = new(StringComparer.Ordinal);

    // Whether this run learnt anything the file does not hold (files gone are counted when saving).
    private bool _changed;

    private DriftCache(string path, string activeHome, string passiveHome)
    {
        _path = path;
        _homes = [activeHome, passiveHome];
    }

    /// <summary>
    /// Reads the cache file for this pair of trees; a missing or stale file is an empty cache, and so is a damaged
    /// or unreadable one, with a warning: the cache only saves time, it is rebuilt on the way.
    /// </summary>
    public static DriftCache Open(string path, string activeHome, string passiveHome)
    {
        var cache = new DriftCache(Path.GetFullPath(path), activeHome, passiveHome);
        if (Loading.FileStatus.KindOf(cache._path, followLinks: true) == Loading.FileKind.Missing) return cache;
        try
        {
            cache.Read();
        }
        catch (Exception e) when (e is Loading.InputException or IOException or FormatException or InvalidDataException)
        {
            foreach (var side in cache._old) side.Clear();
            cache._oldResults.Clear();
            cache._changed = true;
            Loading.ReadScope.Warn($"{cache._path}: the drift cache is damaged or unreadable and was ignored; it will be rebuilt");
        }
        return cache;
    }

    /// <summary>Records a file of this run and returns its hash when the cache knows it for this size and modification time.</summary>
    internal byte[]? See(NodeRole node, string path, FileMeta meta)
    {
        var hash = KnownHash(node, path, meta);
        Record(node, path, meta, hash);
        return hash;
    }

    /// <summary>The hash of a file whose size and modification time have not changed since it was hashed (in this run or an earlier one).</summary>
    internal byte[]? KnownHash(NodeRole node, string path, FileMeta meta)
    {
        if (_now[(int)node].TryGetValue(path, out var now) && now.Meta == meta && now.Hash is not null) return now.Hash;
        return _old[(int)node].TryGetValue(path, out var old) && old.Meta == meta ? old.Hash : null;
    }

    /// <summary>Remembers a file of this run (with its hash when it has one) for the next; a known hash is never forgotten.</summary>
    internal void Record(NodeRole node, string path, FileMeta meta, byte[]? hash)
    {
        var entries = _now[(int)node];
        if (hash is null && entries.TryGetValue(path, out var entry) && entry.Meta == meta) hash = entry.Hash;
        entries[path] = new Entry(meta, hash);
        if (!_changed && !(_old[(int)node].TryGetValue(path, out var old) && old.Meta == meta && SameHash(old.Hash, hash))) _changed = true;
    }

    internal IReadOnlyList<KeyDifference>? KnownDifferences(string key)
    {
        if (!_oldResults.TryGetValue(key, out var differences)) return null;
        _nowResults[key] = differences;
        return differences;
    }

    internal void RecordDifferences(string key, IReadOnlyList<KeyDifference> differences)
    {
        _nowResults[key] = differences.Select(d => d with { Active = d.Active with { Location = null }, Passive = d.Passive with { Location = null } }).ToList();
        _changed |= !_oldResults.ContainsKey(key);
    }

    /// <summary>The key of a configuration file pair's differences: both contents and what resolves their placeholders.</summary>
    internal static string DifferencesKey(string path, byte[] activeHash, byte[] passiveHash, string context) =>
        $"{path}|{Convert.ToHexString(activeHash)}|{Convert.ToHexString(passiveHash)}|{context}";

    /// <summary>Writes the file (whole or not at all) when this run learnt anything new or files went away.</summary>
    public void Save()
    {
        if (!_changed && _nowResults.Count == _oldResults.Count && _now[0].Count == _old[0].Count && _now[1].Count == _old[1].Count) return;
        try
        {
            AtomicFile.Write(_path, Write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Loading.InputException($"{_path}: the cache cannot be written ({e.Message})");
        }
    }

    private static bool SameHash(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    // The format: a header, the paths of both trees once, then each tree's files by path number, then
    // the differences of configuration file pairs.
    private void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(ProjectInfo.Version);
        var paths = _now[0].Keys.Union(_now[1].Keys).Order(StringComparer.Ordinal).ToList();
        var numbers = new Dictionary<string, int>(paths.Count, StringComparer.Ordinal);
        writer.Write(paths.Count);
        foreach (var path in paths)
        {
            numbers[path] = numbers.Count;
            writer.Write(path);
        }
        for (var i = 0; i < 2; i++)
        {
            writer.Write(_homes[i]);
            writer.Write(_now[i].Count);
            foreach (var (path, entry) in _now[i])
            {
                writer.Write(numbers[path]);
                writer.Write(entry.Meta.Size);
                writer.Write(entry.Meta.ModifiedTicks);
                writer.Write((byte)(entry.Hash?.Length ?? 0));
                if (entry.Hash is not null) writer.Write(entry.Hash);
            }
        }
        writer.Write(_nowResults.Count);
        foreach (var (key, differences) in _nowResults.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(differences.Count);
            foreach (var d in differences)
            {
                writer.Write(d.Key);
                WriteOptional(writer, d.Active.Display);
                WriteOptional(writer, d.Passive.Display);
                writer.Write(d.IsSecret);
            }
        }
    }

    // Read as untrusted bytes: every count is checked against what is left of the file before anything is
    // allocated for it, every path number against the paths, so damage ends in an exception, not in a huge allocation.
    private void Read()
    {
        using var reader = new BinaryReader(new MemoryStream(Loading.Confinement.ReadAllBytes(_path)), Encoding.UTF8);
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a drift cache");
        // Another version's cache is not damaged, only stale.
        if (reader.ReadInt32() != FormatVersion || reader.ReadString() != ProjectInfo.Version) return;
        var paths = new string[Count(reader, 1)];
        for (var n = 0; n < paths.Length; n++) paths[n] = reader.ReadString();
        for (var i = 0; i < 2; i++)
        {
            var home = reader.ReadString();
            var count = Count(reader, 4 + 8 + 8 + 1);
            var entries = _old[i];
            entries.EnsureCapacity(count);
            for (var n = 0; n < count; n++)
            {
                var number = reader.ReadInt32();
                if ((uint)number >= (uint)paths.Length) throw new InvalidDataException("a path number past the paths");
                var meta = new FileMeta(reader.ReadInt64(), reader.ReadInt64());
                var length = reader.ReadByte();
                var hash = length == 0 ? null : reader.ReadBytes(length);
                if (hash is not null && hash.Length != length) throw new EndOfStreamException();
                entries[paths[number]] = new Entry(meta, hash);
            }
            if (home == _homes[i]) continue;
            // Another pair of trees: nothing carries over.
            foreach (var side in _old) side.Clear();
            return;
        }
        var results = Count(reader, 1 + 4);
        for (var n = 0; n < results; n++)
        {
            var key = reader.ReadString();
            var count = Count(reader, 1 + 1 + 1 + 1);
            var differences = new List<KeyDifference>(count);
            for (var k = 0; k < count; k++)
                differences.Add(new KeyDifference(reader.ReadString(), new DriftSide(ReadOptional(reader), null), new DriftSide(ReadOptional(reader), null), reader.ReadBoolean()));
            _oldResults[key] = differences;
        }
    }

    /// <summary>A count of items of at least <paramref name="minimumBytes"/> each, which the rest of the file must be able to hold.</summary>
    private static int Count(BinaryReader reader, int minimumBytes)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && count <= left / minimumBytes ? count : throw new InvalidDataException("a count larger than the file");
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
