using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>Reads a file's text and remembers its encoding; the one place the model touches file contents.</summary>
public static class SourceReader
{
    /// <summary>Reads through <see cref="Confinement.ReadAllBytes"/>: a regular file, bounded, counted against the run's budget.</summary>
    public static SourceText Read(string path) => Decode(path, Confinement.ReadAllBytes(path));

    public static SourceText Decode(string path, byte[] bytes)
    {
        var (text, encoding) = SourceEncoding.Decode(bytes);
        return new SourceText(path, text, encoding);
    }
}
