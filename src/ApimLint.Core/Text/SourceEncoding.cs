using System.Text;

namespace ApimLint.Text;

/// <summary>A file's character encoding and whether it starts with a byte order mark.</summary>
public sealed record SourceEncoding(Encoding Encoding, bool HasByteOrderMark)
{
    public static readonly SourceEncoding Utf8 = new(new UTF8Encoding(false, true), false);

    public byte[] GetBytes(string text)
    {
        var body = Encoding.GetBytes(text);
        return HasByteOrderMark ? [.. Encoding.GetPreamble(), .. body] : body;
    }

    /// <summary>
    /// Decodes bytes as the file declares by its BOM (UTF-8, UTF-16, UTF-32); without one as UTF-8,
    /// or, when the bytes are not valid UTF-8, as ISO-8859-1, which decodes any byte and writes it back unchanged.
    /// </summary>
    public static (string Text, SourceEncoding Encoding) Decode(byte[] bytes)
    {
        foreach (var encoding in BomEncodings)
        {
            var preamble = encoding.GetPreamble();
            if (!bytes.AsSpan().StartsWith(preamble)) continue;
            try
            {
                return (encoding.GetString(bytes, preamble.Length, bytes.Length - preamble.Length), new SourceEncoding(encoding, true));
            }
            catch (DecoderFallbackException)
            {
                break;
            }
        }
        try
        {
            return (Utf8.Encoding.GetString(bytes), Utf8);
        }
        catch (DecoderFallbackException)
        {
            // ISO-8859-1 decodes every byte and writes each back unchanged, so nothing is lost.
            return (Encoding.Latin1.GetString(bytes), new SourceEncoding(Encoding.Latin1, false));
        }
    }

    // UTF-32 LE before UTF-16 LE: its BOM starts with UTF-16 LE's.
    private static readonly Encoding[] BomEncodings =
    [
        new UTF8Encoding(true),
        new UTF32Encoding(false, true),
        new UnicodeEncoding(false, true),
        new UnicodeEncoding(true, true),
        new UTF32Encoding(true, true),
    ];
}
