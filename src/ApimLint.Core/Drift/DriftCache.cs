using System.Text;
using ApimLint.Model;
using ApimLint.Reporting;

namespace ApimLint.Drift;

/// <summary>
/// The --cache file: for each compared file of both nodes its (path, size, modification time, hash),
/// and the key differences found in the configuration files of a given pair of contents. A rerun on
/// unchanged trees takes every answer from here and reads only metadata. The file holds no secret:
/// hashes of whole files and values already masked.
/// </summary>
public sealed class DriftCache
{
    private const string Magic = "apimlint-drift-cache";
    private const int FormatVersion = 1;

    private readonly string _path;
    private readonly string[] _homes;
    private readonly Dictionary<string, (FileMeta Meta, byte[]? Hash)>[] _old = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly Dictionary<string, (FileMeta Meta, byte[]? Hash)>[] _now = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly Dictionary<string, IReadOnlyList<KeyDifference>> _oldResults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<KeyDifference>> _nowResults = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    private DriftCache(string path, string activeHome, string passiveHome)
    {
        _path = path;
        _homes = [activeHome, passiveHome];
    }

    /// <summary>Reads the cache file for this pair of trees; a missing, stale or unreadable file is an empty cache.</summary>
    public static DriftCache Open(string path, string activeHome, string passiveHome)
    {
        var cache = new DriftCache(Path.GetFullPath(path), activeHome, passiveHome);
        try
        {
            if (File.Exists(cache._path)) cache.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or InvalidDataException)
        {
            foreach (var side in cache._old) side.Clear();
            cache._oldResults.Clear();
        }
        return cache;
    }

    /// <summary>The hash of a file whose size and modification time have not changed since it was hashed (in this run or an earlier one).</summary>
    internal byte[]? KnownHash(NodeRole node, string path, FileMeta meta)
    {
        lock (_lock)
        {
            foreach (var entries in new[] { _now[(int)node], _old[(int)node] })
                if (entries.TryGetValue(path, out var entry) && entry.Meta == meta && entry.Hash is not null) return entry.Hash;
            return null;
        }
    }

    /// <summary>Remembers a file of this run (with its hash when it has one) for the next; a known hash is never forgotten.</summary>
    internal void Record(NodeRole node, string path, FileMeta meta, byte[]? hash)
    {
        lock (_lock)
        {
            var entries = _now[(int)node];
            if (hash is null && entries.TryGetValue(path, out var entry) && entry.Meta == meta) hash = entry.Hash;
            entries[path] = (meta, hash);
        }
    }

    internal IReadOnlyList<KeyDifference>? KnownDifferences(string key)
    {
        lock (_lock)
        {
            if (!_oldResults.TryGetValue(key, out var differences)) return null;
            _nowResults[key] = differences;
            return differences;
        }
    }

    internal void RecordDifferences(string key, IReadOnlyList<KeyDifference> differences)
    {
        lock (_lock) _nowResults[key] = differences.Select(d => d with { Active = d.Active with { Location = null }, Passive = d.Passive with { Location = null } }).ToList();
    }

    /// <summary>The key of a configuration file pair's differences: both contents and what resolves their placeholders.</summary>
    internal static string DifferencesKey(string path, byte[] activeHash, byte[] passiveHash, string context) =>
        $"{path}|{Convert.ToHexString(activeHash)}|{Convert.ToHexString(passiveHash)}|{context}";

    /// <summary>Writes the file (whole or not at all) when this run learnt anything new.</summary>
    public void Save()
    {
        if (!Changed()) return;
        try
        {
            AtomicFile.Write(_path, Write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Loading.InputException($"{_path}: the cache cannot be written ({e.Message})");
        }
    }

    private bool Changed() =>
        _nowResults.Count != _oldResults.Count || _nowResults.Keys.Any(k => !_oldResults.ContainsKey(k))
        || Enumerable.Range(0, 2).Any(i => _now[i].Count != _old[i].Count
                                            || _now[i].Any(e => !_old[i].TryGetValue(e.Key, out var old) || old.Meta != e.Value.Meta || !SameHash(old.Hash, e.Value.Hash)));

    private static bool SameHash(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(ProjectInfo.Version);
        for (var i = 0; i < 2; i++)
        {
            writer.Write(_homes[i]);
            writer.Write(_now[i].Count);
            foreach (var (path, (meta, hash)) in _now[i].OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(path);
                writer.Write(meta.Size);
                writer.Write(meta.ModifiedTicks);
                writer.Write((byte)(hash?.Length ?? 0));
                if (hash is not null) writer.Write(hash);
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

    private void Read()
    {
        using var reader = new BinaryReader(File.OpenRead(_path), Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != ProjectInfo.Version) return;
        for (var i = 0; i < 2; i++)
        {
            var home = reader.ReadString();
            var count = reader.ReadInt32();
            var entries = _old[i];
            for (var n = 0; n < count; n++)
            {
                var path = reader.ReadString();
                var meta = new FileMeta(reader.ReadInt64(), reader.ReadInt64());
                var length = reader.ReadByte();
                entries[path] = (meta, length == 0 ? null : reader.ReadBytes(length));
            }
            if (home == _homes[i]) continue;
            // Another pair of trees: nothing carries over.
            foreach (var side in _old) side.Clear();
            return;
        }
        var results = reader.ReadInt32();
        for (var n = 0; n < results; n++)
        {
            var key = reader.ReadString();
            var count = reader.ReadInt32();
            var differences = new List<KeyDifference>(count);
            for (var k = 0; k < count; k++)
                differences.Add(new KeyDifference(reader.ReadString(), new DriftSide(ReadOptional(reader), null), new DriftSide(ReadOptional(reader), null), reader.ReadBoolean()));
            _oldResults[key] = differences;
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
