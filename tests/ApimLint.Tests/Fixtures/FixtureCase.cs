using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApimLint.Tests.Fixtures;

/// <summary>
/// A rule fixture: a real base deployment from fixtures/ with one slip made in it (text replaced in a
/// file, files added, renamed or deleted), and the exact text output apimlint must print for it (expected.txt).
/// </summary>
public sealed class FixtureCase
{
    [JsonPropertyName("base")] public required string Base { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("replace")] public List<Replacement> Replace { get; init; } = [];
    [JsonPropertyName("add")] public List<Addition> Add { get; init; } = [];
    [JsonPropertyName("rename")] public List<Rename> RenameFiles { get; init; } = [];
    [JsonPropertyName("delete")] public List<string> Delete { get; init; } = [];
    [JsonPropertyName("args")] public List<string> Args { get; init; } = [];
    [JsonPropertyName("crlf")] public List<string> Crlf { get; init; } = [];
    [JsonPropertyName("bom")] public List<string> Bom { get; init; } = [];
    [JsonPropertyName("generate")] public List<Generated> Generate { get; init; } = [];

    /// <summary>
    /// Files planted outside the deployment folder (a secret its links try to reach), written only when the caller
    /// gives a folder for them; a symbolic link's Target may start with <see cref="OutsideMarker"/> to point there.
    /// </summary>
    [JsonPropertyName("outside")] public List<Addition> Outside { get; init; } = [];

    public const string OutsideMarker = "<outside>";

    /// <summary>Content too large or too special to keep in the repository, made at test time.</summary>
    public sealed class Generated
    {
        [JsonPropertyName("file")] public required string File { get; init; }

        /// <summary>
        /// "repeat" (Text Times times, then Suffix), "large" (Megabytes of Text), "sparse" (Megabytes of zeros that take no disk), "symlink" (to Target, a file or a folder),
        /// "directory", "fifo" (a named pipe: opening it to read blocks until a writer comes).
        /// </summary>
        [JsonPropertyName("kind")] public required string Kind { get; init; }

        [JsonPropertyName("text")] public string Text { get; init; } = "";
        [JsonPropertyName("times")] public int Times { get; init; }
        [JsonPropertyName("suffix")] public string Suffix { get; init; } = "";
        [JsonPropertyName("megabytes")] public int Megabytes { get; init; }
        [JsonPropertyName("target")] public string Target { get; init; } = "";
    }

    public sealed class Replacement
    {
        [JsonPropertyName("file")] public required string File { get; init; }
        [JsonPropertyName("find")] public required string Find { get; init; }
        [JsonPropertyName("with")] public required string With { get; init; }
    }

    /// <summary>A file the slip adds (a jar, an artifact, a file on one node only), with its text.</summary>
    public sealed class Addition
    {
        [JsonPropertyName("file")] public required string File { get; init; }
        [JsonPropertyName("content")] public required string Content { get; init; }
    }

    public sealed class Rename
    {
        [JsonPropertyName("from")] public required string From { get; init; }
        [JsonPropertyName("to")] public required string To { get; init; }
    }

    public static FixtureCase Read(string caseDirectory) =>
        JsonSerializer.Deserialize<FixtureCase>(File.ReadAllText(Path.Combine(caseDirectory, "case.json")))
        ?? throw new InvalidDataException($"{caseDirectory}/case.json is empty");

    /// <summary>
    /// Copies the base deployment into <paramref name="target"/> and makes the case's slip there; files
    /// under the case's files/ folder replace or join the base's. The <see cref="Outside"/> files go to
    /// <paramref name="outside"/>; without one they are not planted and links to them dangle.
    /// </summary>
    public void Materialize(string target, string? caseDirectory = null, string? outside = null)
    {
        CopyDirectory(TestPaths.Fixture(Base), target);
        MakeIn(target, caseDirectory, outside);
    }

    /// <summary>Makes the case's changes in a deployment already in <paramref name="target"/>: its base, or another release of it.</summary>
    public void MakeIn(string target, string? caseDirectory = null, string? outside = null)
    {
        foreach (var o in Outside.Where(_ => outside is not null))
        {
            var path = Path.Combine(outside!, o.File);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, o.Content);
        }
        if (caseDirectory is not null && Directory.Exists(Path.Combine(caseDirectory, "files")))
            foreach (var file in Directory.GetFiles(Path.Combine(caseDirectory, "files"), "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(Path.Combine(caseDirectory, "files"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination, overwrite: true);
            }
        foreach (var r in Replace)
        {
            var path = Path.Combine(target, r.File);
            var text = File.ReadAllText(path);
            var at = text.IndexOf(r.Find, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(r.Find, at + 1, StringComparison.Ordinal) >= 0)
                throw new InvalidDataException($"'{r.Find}' must occur exactly once in {r.File}");
            File.WriteAllText(path, text[..at] + r.With + text[(at + r.Find.Length)..]);
        }
        foreach (var a in Add)
        {
            var path = Path.Combine(target, a.File);
            if (File.Exists(path)) throw new InvalidDataException($"{a.File} already exists in {Base}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, a.Content);
        }
        // Line endings and byte order marks, so that fixes are proved to keep them.
        foreach (var f in Crlf)
        {
            var path = Path.Combine(target, f);
            File.WriteAllText(path, File.ReadAllText(path).Replace("\r\n", "\n").Replace("\n", "\r\n"));
        }
        foreach (var f in Bom)
        {
            var path = Path.Combine(target, f);
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);
        }
        foreach (var g in Generate) MakeGenerated(target, g, outside ?? "/nonexistent-outside");
        foreach (var r in RenameFiles)
            File.Move(Path.Combine(target, r.From), Path.Combine(target, r.To));
        foreach (var d in Delete)
        {
            var path = Path.Combine(target, d);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
            else throw new InvalidDataException($"{d} does not exist in {Base}");
        }
    }

    private static void MakeGenerated(string target, Generated g, string outside)
    {
        var path = Path.Combine(target, g.File);
        if (File.Exists(path)) File.Delete(path);
        else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (g.Kind)
        {
            case "repeat":
                File.WriteAllText(path, string.Concat(Enumerable.Repeat(g.Text, g.Times)) + g.Suffix);
                break;
            case "large":
                using (var stream = File.Create(path))
                {
                    var block = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(g.Text, 1 + 65536 / Math.Max(1, g.Text.Length))));
                    for (long written = 0; written < g.Megabytes * 1024L * 1024; written += block.Length) stream.Write(block);
                }
                break;
            case "symlink":
                File.CreateSymbolicLink(path, g.Target.StartsWith(OutsideMarker, StringComparison.Ordinal) ? outside + g.Target[OutsideMarker.Length..] : g.Target);
                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "sparse":
                using (var stream = File.Create(path)) stream.SetLength(g.Megabytes * 1024L * 1024);
                break;
            case "fifo":
                if (MakeFifo(path, Convert.ToUInt32("644", 8)) != 0) throw new IOException($"mkfifo {g.File} failed");
                break;
            default:
                throw new InvalidDataException($"unknown generated kind '{g.Kind}'");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    public static void CopyDirectory(string source, string target)
    {
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
    }
}
