using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>Reads a file's text and remembers its encoding; the one place the model touches file contents.</summary>
public static class SourceReader
{
    /// <summary>The largest file read; API-M's largest shipped configuration file is under 100 KB.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public static SourceText Read(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
            throw new InputException($"{path}: {length / (1024 * 1024)} MB is too large for a configuration file (apimlint reads up to {MaxBytes / (1024 * 1024)} MB)");
        var (text, encoding) = SourceEncoding.Decode(File.ReadAllBytes(path));
        return new SourceText(path, text, encoding);
    }
}
