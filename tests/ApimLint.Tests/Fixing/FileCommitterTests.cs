using System.Text;
using ApimLint.Fixing;
using ApimLint.Text;

namespace ApimLint.Tests.Fixing;

public sealed class FileCommitterTests
{
    private static FileChange Change(string path, string newText) =>
        File.Exists(path)
            ? new FileChange(path, File.ReadAllBytes(path), File.ReadAllText(path), newText, SourceEncoding.Utf8)
            : new FileChange(path, null, "", newText, SourceEncoding.Utf8);

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

        FileCommitter.Commit([Change(a, "new"), Change(created, "x=1\n")]);

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

        var error = Assert.Throws<FixWriteException>(() => FileCommitter.Commit([Change(a, "new"), Change(Path.Combine(blocker, "c.xml"), "x")]));

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

        Assert.Throws<FixWriteException>(() => FileCommitter.Commit([Change(a, "new a"), Change(created, "new c"), Change(b, "new b")],
            _ => { if (++renames == 3) throw new IOException("disk full"); }));

        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Fact]
    public void A_file_changed_on_disk_since_it_was_read_is_not_overwritten()
    {
        using var temp = new TempDirectory();
        var a = Path.Combine(temp.Path, "a.xml");
        File.WriteAllText(a, "as read");
        var change = Change(a, "fixed");
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

        FileCommitter.Commit([new FileChange(path, File.ReadAllBytes(path), text, text + "x=1\n", encoding)]);

        Assert.Equal(Encoding.Latin1.GetBytes("name=Jos\u00e9\nx=1\n"), File.ReadAllBytes(path));
        var utf16 = new SourceEncoding(new UnicodeEncoding(false, true), true);
        Assert.Equal([0xFF, 0xFE, (byte)'a', 0], utf16.GetBytes("a"));
    }
}
