using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace ApimLint.Drift;

/// <summary>A file both nodes have, with the same size: what the content comparison is asked and what it found.</summary>
internal sealed class ContentPair(string path, string activeFile, string passiveFile, long size)
{
    public string Path { get; } = path;
    public string ActiveFile { get; } = activeFile;
    public string PassiveFile { get; } = passiveFile;
    public long Size { get; } = size;

    /// <summary>Hash each side for the cache; a side whose hash the cache already knows is not read.</summary>
    public bool WantHashes { get; init; }

    public byte[]? ActiveHash { get; set; }
    public byte[]? PassiveHash { get; set; }
    /// <summary>Both contents, when read whole (<see cref="ContentComparer.ReadWhole"/>) and different.</summary>
    public byte[]? ActiveContent { get; set; }
    public byte[]? PassiveContent { get; set; }

    private volatile bool _differs;

    public bool Differs
    {
        get => _differs;
        set => _differs = value;
    }
}

/// <summary>
/// Compares the contents of same-size files on all cores: large files in chunks that stop as soon as
/// any chunk of the file differs, hashing only when a cache is kept. Memory stays bounded: a pair of
/// buffers per worker. The caller's thread meanwhile reads the small files it will parse
/// (<see cref="ReadWhole"/>), then helps with what is left.
/// </summary>
internal sealed class ContentComparer
{
    public const int ChunkSize = 8 << 20;
    private const int BufferSize = 256 << 10;

    public const int HashLength = 16;

    private readonly Unit[] _units;
    private readonly Task[] _workers;
    private readonly ConcurrentQueue<Exception> _errors = new();
    private int _next = -1;

    private sealed record Unit(ContentPair Pair, long Offset, long Length, bool Hash);

    private ContentComparer(List<Unit> units)
    {
        // Longest first, so that the big jars do not end up alone on one core at the end.
        units.Sort((a, b) => b.Length.CompareTo(a.Length));
        _units = units.ToArray();
        var workers = _units.Length == 0 ? 0 : Math.Max(1, Environment.ProcessorCount - 1);
        _workers = Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(Drain, TaskCreationOptions.LongRunning)).ToArray();
    }

    /// <summary>Starts comparing (or hashing) <paramref name="pairs"/> in the background.</summary>
    public static ContentComparer Start(IEnumerable<ContentPair> pairs)
    {
        var units = new List<Unit>();
        foreach (var pair in pairs)
        {
            if (pair.WantHashes)
                units.Add(new Unit(pair, 0, pair.Size, Hash: true));
            else
                for (long offset = 0; offset < pair.Size; offset += ChunkSize)
                    units.Add(new Unit(pair, offset, Math.Min(ChunkSize, pair.Size - offset), Hash: false));
        }
        return new ContentComparer(units);
    }

    /// <summary>Takes a share of the remaining work on the calling thread, then waits for the workers.</summary>
    public void Finish()
    {
        Drain();
        Task.WaitAll(_workers);
        if (_errors.TryDequeue(out var error)) throw error;
    }

    private void Drain()
    {
        var (a, b) = (new byte[BufferSize], new byte[BufferSize]);
        int index;
        while ((index = Interlocked.Increment(ref _next)) < _units.Length)
        {
            var unit = _units[index];
            try
            {
                if (unit.Hash) HashBoth(unit.Pair, a, b);
                else CompareChunk(unit, a, b);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _errors.Enqueue(new Loading.InputException($"{unit.Pair.Path}: cannot be read ({e.Message})"));
            }
        }
    }

    /// <summary>Reads both files of a pair whole (they are small and will be parsed if they differ): each file once.</summary>
    public static void ReadWhole(ContentPair pair)
    {
        var active = Loading.Confinement.ReadAllBytes(pair.ActiveFile);
        var passive = Loading.Confinement.ReadAllBytes(pair.PassiveFile);
        if (pair.WantHashes)
        {
            pair.ActiveHash = Hash(active);
            pair.PassiveHash = Hash(passive);
        }
        if (active.AsSpan().SequenceEqual(passive)) return;
        pair.Differs = true;
        pair.ActiveContent = active;
        pair.PassiveContent = passive;
    }

    private static void CompareChunk(Unit unit, byte[] a, byte[] b)
    {
        var pair = unit.Pair;
        if (pair.Differs) return;
        using var left = Open(pair.ActiveFile);
        using var right = Open(pair.PassiveFile);
        var end = unit.Offset + unit.Length;
        for (var offset = unit.Offset; offset < end && !pair.Differs;)
        {
            var want = (int)Math.Min(BufferSize, end - offset);
            var readA = ReadFully(left, a.AsSpan(0, want), offset);
            var readB = ReadFully(right, b.AsSpan(0, want), offset);
            if (readA != want || readB != want || !a.AsSpan(0, want).SequenceEqual(b.AsSpan(0, want)))
            {
                pair.Differs = true;
                return;
            }
            offset += want;
        }
    }

    /// <summary>Hashes the sides the cache does not know; the contents are compared on the way when both are read.</summary>
    private static void HashBoth(ContentPair pair, byte[] a, byte[] b)
    {
        using var left = pair.ActiveHash is null ? Open(pair.ActiveFile) : null;
        using var right = pair.PassiveHash is null ? Open(pair.PassiveFile) : null;
        using var hashA = left is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var hashB = right is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var differs = false;
        for (long offset = 0; offset < pair.Size;)
        {
            var want = (int)Math.Min(BufferSize, pair.Size - offset);
            if (left is not null)
            {
                if (ReadFully(left, a.AsSpan(0, want), offset) != want) differs = true;
                hashA!.AppendData(a, 0, want);
            }
            if (right is not null)
            {
                if (ReadFully(right, b.AsSpan(0, want), offset) != want) differs = true;
                hashB!.AppendData(b, 0, want);
            }
            if (left is not null && right is not null && !differs && !a.AsSpan(0, want).SequenceEqual(b.AsSpan(0, want))) differs = true;
            offset += want;
        }
        if (hashA is not null) pair.ActiveHash = hashA.GetHashAndReset()[..HashLength];
        if (hashB is not null) pair.PassiveHash = hashB.GetHashAndReset()[..HashLength];
        pair.Differs = differs || !pair.ActiveHash.AsSpan().SequenceEqual(pair.PassiveHash);
    }

    public static byte[] Hash(ReadOnlySpan<byte> content) => SHA256.HashData(content)[..HashLength];

    private static SafeFileHandle Open(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);

    /// <summary>Reads until the span is full or the file ends; a file that shrank while being compared differs.</summary>
    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}
