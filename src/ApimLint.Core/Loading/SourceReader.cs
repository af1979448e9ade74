using System.Text;
using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>Reads a file's text; the one place the model touches file contents.</summary>
public static class SourceReader
{
    public static SourceText Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return new SourceText(path, reader.ReadToEnd());
    }
}
