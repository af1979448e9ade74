using ApimLint.Reporting.Escaping;

namespace ApimLint.Reporting;

/// <summary>Writes a file whole or not at all: into a temporary file beside it, then renamed over it.</summary>
public static class AtomicFile
{
    /// <exception cref="CannotWriteException">The file cannot be written; nothing was written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (Directory.Exists(full)) throw new CannotWriteException(full, "it is a folder");
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not CannotWriteException)
        {
            throw new CannotWriteException(full, e switch
            {
                DirectoryNotFoundException => "no such folder",
                UnauthorizedAccessException => "permission denied",
                PathTooLongException => "name too long",
                // Other system messages name the temporary file, whose name changes from run to run.
                _ => e.Message.Replace(temp, full),
            });
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

/// <summary>An output file that cannot be written, as one line naming it: <c>PATH: cannot be written (reason)</c>.</summary>
public sealed class CannotWriteException(string path, string reason)
    : IOException($"{TerminalText.Escape(path)}: cannot be written ({TerminalText.Escape(reason)})");
