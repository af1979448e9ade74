using System.Security.Cryptography;
using System.Text;
using ApimLint.Fixing;
using ApimLint.Text;

namespace ApimLint.Tests.Fixing;

public sealed class FileCommitterTests
{
    private static FileChange Change(TempDirectory root, string path, string newText) =>
        (File.Exists(path)
            ? new FileChange(path, File.ReadAllBytes(path), File.ReadAllText(path), newText, SourceEncoding.Utf8)
            : new FileChange(path, null, "", newText, SourceEncoding.Utf8)) with { Root = root.Path };

    private static SortedDictionary<string, string> Snapshot(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText), StringComparer.Ordinal);

    [Fact]
    public void Writes_every_file_and_keeps_permissions()
    {
        using var temp = new TempDirectory();
        var a = Path.Combine(temp.Path, "a.xml");
        File.WriteAllText(a, "old");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(a, mode);
        var created = Path.Combine(temp.Path, "new", "b.properties");

        FileCommitter.Commit([Change(temp, a, "new"), Change(temp, created, "x=1\n")]);

        Assert.Equal("new", File.ReadAllText(a));
        Assert.Equal("x=1\n", File.ReadAllText(created));
        if (!OperatingSystem.IsWindows()) Assert.Equal(mode, File.GetUnixFileMode(a));
        Assert.Equal(2, Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void A_failure_while_staging_leaves_every_file_as_it_was()
    {
        using var temp = new TempDirectory();
        var a = Path.Combine(temp.Path, "a.xml");
        File.WriteAllText(a, "old");
        var blocker = Path.Combine(temp.Path, "blocker");
        File.WriteAllText(blocker, "a file where a folder must be created");
        var before = Snapshot(temp.Path);

        var error = Assert.Throws<FixWriteException>(() => FileCommitter.Commit([Change(temp, a, "new"), Change(temp, Path.Combine(blocker, "c.xml"), "x")]));

        Assert.EndsWith("no file was changed", error.Message);
        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Fact]
    public void A_failure_between_two_renames_puts_back_what_was_already_replaced()
    {
        using var temp = new TempDirectory();
        var a = Path.Combine(temp.Path, "a.xml");
        var b = Path.Combine(temp.Path, "b.xml");
        File.WriteAllText(a, "old a");
        File.WriteAllText(b, "old b");
        var created = Path.Combine(temp.Path, "c.xml");
        var before = Snapshot(temp.Path);
        var renames = 0;

        Assert.Throws<FixWriteException>(() => FileCommitter.Commit([Change(temp, a, "new a"), Change(temp, created, "new c"), Change(temp, b, "new b")],
            _ => { if (++renames == 3) throw new IOException("disk full"); }));

        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Fact]
    public void A_file_changed_on_disk_since_it_was_read_is_not_overwritten()
    {
        using var temp = new TempDirectory();
        var a = Path.Combine(temp.Path, "a.xml");
        File.WriteAllText(a, "as read");
        var change = Change(temp, a, "fixed");
        File.WriteAllText(a, "edited meanwhile");

        var error = Assert.Throws<FixWriteException>(() => FileCommitter.Commit([change]));

        Assert.Contains("changed on disk while apimlint ran", error.Message);
        Assert.Equal("edited meanwhile", File.ReadAllText(a));
    }

    [Fact]
    public void Encoding_and_byte_order_mark_are_written_back()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "latin1.properties");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("name=Jos\u00e9\n"));
        var (text, encoding) = SourceEncoding.Decode(File.ReadAllBytes(path));

        FileCommitter.Commit([new FileChange(path, File.ReadAllBytes(path), text, text + "x=1\n", encoding) { Root = temp.Path }]);

        Assert.Equal(Encoding.Latin1.GetBytes("name=Jos\u00e9\nx=1\n"), File.ReadAllBytes(path));
        var utf16 = new SourceEncoding(new UnicodeEncoding(false, true), true);
        Assert.Equal([0xFF, 0xFE, (byte)'a', 0], utf16.GetBytes("a"));
    }

    [Fact]
    public void An_edit_made_between_the_last_check_and_the_rename_is_kept_and_reported()
    {
        using var temp = new TempDirectory();
        var a = Path.Combine(temp.Path, "a.xml");
        var b = Path.Combine(temp.Path, "b.xml");
        File.WriteAllText(a, "old a");
        File.WriteAllText(b, "old b");
        var changes = new[] { Change(temp, a, "new a"), Change(temp, b, "new b") };

        var error = Assert.Throws<FixWriteException>(() => FileCommitter.Commit(changes,
            path => { if (path == b) File.WriteAllText(b, "edited by hand meanwhile"); }));

        Assert.Equal($"{b} changed on disk while apimlint ran; no file was changed", error.Message);
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal) { [a] = "old a", [b] = "edited by hand meanwhile" }, Snapshot(temp.Path));
    }

    [Fact]
    public void A_link_swapped_in_before_the_rename_is_neither_written_through_nor_replaced()
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        var deployment = Directory.CreateDirectory(Path.Combine(temp.Path, "deployment")).FullName;
        var a = Path.Combine(deployment, "a.xml");
        File.WriteAllText(a, "old a");
        var sentinel = Path.Combine(outside.Path, "secret.txt");
        File.WriteAllText(sentinel, "outside");
        var change = Change(temp, a, "new a") with { Root = deployment };

        var error = Assert.Throws<FixWriteException>(() => FileCommitter.Commit([change], _ =>
        {
            File.Delete(a);
            File.CreateSymbolicLink(a, sentinel);
        }));

        Assert.Equal($"{a}: it is a symbolic link, which apimlint does not write through; no file was changed", error.Message);
        Assert.Equal("outside", File.ReadAllText(sentinel));
        Assert.Equal(sentinel, new FileInfo(a).LinkTarget);
        Assert.Single(Directory.GetFileSystemEntries(deployment));
    }

    [Fact]
    public void Rollback_after_a_failed_rename_never_writes_through_a_link_swapped_in_meanwhile()
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        var a = Path.Combine(temp.Path, "a.xml");
        var b = Path.Combine(temp.Path, "b.xml");
        File.WriteAllText(a, "old a");
        File.WriteAllText(b, "old b");
        var sentinel = Path.Combine(outside.Path, "secret.txt");
        File.WriteAllText(sentinel, "outside");
        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(sentinel)));

        var error = Assert.Throws<FixWriteException>(() => FileCommitter.Commit([Change(temp, a, "new a"), Change(temp, b, "new b")], path =>
        {
            if (path != b) return;
            // a was already replaced: swap it for a link to a file outside, then fail the next rename.
            File.Delete(a);
            File.CreateSymbolicLink(a, sentinel);
            throw new IOException("disk full");
        }));

        Assert.Equal(hash, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(sentinel))));
        Assert.Equal(sentinel, new FileInfo(a).LinkTarget);
        Assert.Equal("old b", File.ReadAllText(b));
        Assert.Equal($"{b}: cannot be replaced (disk full); no file was changed; {a} was changed by another program meanwhile and is kept as it now is", error.Message);
        Assert.Equal(2, Directory.GetFileSystemEntries(temp.Path).Length);
    }

    [Fact]
    public void A_folder_between_the_root_and_the_file_that_is_a_link_is_refused()
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        var target = Path.Combine(outside.Path, "a.xml");
        File.WriteAllText(target, "outside");
        var conf = Path.Combine(temp.Path, "conf");
        Directory.CreateSymbolicLink(conf, outside.Path);
        var path = Path.Combine(conf, "a.xml");

        var error = Assert.Throws<FixWriteException>(() => FileCommitter.Commit([Change(temp, path, "new")]));

        Assert.Equal($"{path}: conf is a symbolic link, which apimlint does not write through; no file was changed", error.Message);
        Assert.Equal(["a.xml"], Directory.GetFileSystemEntries(outside.Path).Select(Path.GetFileName));
        Assert.Equal("outside", File.ReadAllText(target));
    }
}
