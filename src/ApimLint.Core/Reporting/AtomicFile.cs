using ApimLint.Reporting.Escaping;

namespace ApimLint.Reporting;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it. A link is
/// followed to the file it names (the link stays a link), and a device or pipe (/dev/stdout, a process
/// substitution) is written to as it is: replacing one with a file would be wrong.
/// </summary>
public static class AtomicFile
{
    /// <exception cref="CannotWriteException">The file cannot be written; nothing was written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var given = Path.GetFullPath(path);
        // Opened as given: /dev/stdout leads through /proc's links, which only the kernel resolves.
        if (Loading.FileStatus.KindOf(given, followLinks: true) == Loading.FileKind.Special)
        {
            WriteThrough(given, write);
            return;
        }
        var full = Loading.Confinement.RealPath(given) ?? throw new CannotWriteException(given, "its symbolic links loop");
        var kind = Loading.FileStatus.KindOf(full, followLinks: false);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (kind == Loading.FileKind.Directory) throw new CannotWriteException(full, "it is a folder");
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not CannotWriteException)
        {
            // Other system messages name the temporary file, whose name changes from run to run.
            throw new CannotWriteException(full, Reason(e).Replace(temp, full));
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static void WriteThrough(string device, Action<Stream> write)
    {
        try
        {
            using var stream = new FileStream(device, FileMode.Open, FileAccess.Write);
            write(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CannotWriteException(device, Reason(e));
        }
    }

    private static string Reason(Exception e) => e switch
    {
        DirectoryNotFoundException => "no such folder",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "name too long",
        _ => e.Message,
    };
}

/// <summary>An output file that cannot be written, as one line naming it: <c>PATH: cannot be written (reason)</c>.</summary>
public sealed class CannotWriteException(string path, string reason)
    : IOException($"{TerminalText.Escape(path)}: cannot be written ({TerminalText.Escape(reason)})");
