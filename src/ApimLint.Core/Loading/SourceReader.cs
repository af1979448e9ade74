using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>Reads a file's text and remembers its encoding; the one place the model touches file contents.</summary>
public static class SourceReader
{
    public static SourceText Read(string path)
    {
        var (text, encoding) = SourceEncoding.Decode(File.ReadAllBytes(path));
        return new SourceText(path, text, encoding);
    }
}
