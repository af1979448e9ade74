using System.Text;

namespace ApimLint.Text;

/// <summary>A file's character encoding and whether it starts with a byte order mark.</summary>
public sealed record SourceEncoding(Encoding Encoding, bool HasByteOrderMark)
{
    public static readonly SourceEncoding Utf8 = new(new UTF8Encoding(false, true), false);

    /// <summary>Encodes a whole new file (with the byte order mark when the encoding has one).</summary>
    public byte[] GetBytes(string text)
    {
        var body = Encoding.GetBytes(text);
        return HasByteOrderMark ? [.. Encoding.GetPreamble(), .. body] : body;
    }

    public int PreambleLength => HasByteOrderMark ? Encoding.GetPreamble().Length : 0;

    /// <summary>
    /// Decodes bytes as the file declares by its BOM (UTF-8, UTF-16, UTF-32), an undecodable sequence
    /// becoming U+FFFD; without a BOM as UTF-8, or, when the bytes are not valid UTF-8, as ISO-8859-1,
    /// which decodes any byte and writes it back unchanged. A fix never re-encodes a U+FFFD that
    /// stands for undecodable bytes: see <see cref="CharBoundaries"/>.
    /// </summary>
    public static (string Text, SourceEncoding Encoding) Decode(byte[] bytes)
    {
        foreach (var encoding in BomEncodings)
        {
            var preamble = encoding.GetPreamble();
            if (bytes.AsSpan().StartsWith(preamble))
                return (encoding.GetString(bytes, preamble.Length, bytes.Length - preamble.Length), new SourceEncoding(encoding, true));
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

    /// <summary>
    /// Where each character of the decoded <paramref name="bytes"/> starts in them: element i is the byte
    /// offset of character i, or -1 when character i is not the first one decoded from its bytes (the
    /// second half of a surrogate pair, or a character decoded together with an undecodable sequence);
    /// the last element is the length of the bytes. Characters are decoded one byte at a time, the way
    /// <see cref="Decode"/> decodes them all at once.
    /// </summary>
    public int[] CharBoundaries(byte[] bytes, int charCount)
    {
        var boundaries = new int[charCount + 1];
        var decoder = Encoding.GetDecoder();
        var buffer = new char[8];
        var produced = 0;
        var start = PreambleLength;
        for (var i = PreambleLength; i < bytes.Length; i++)
        {
            var count = decoder.GetChars(bytes, i, 1, buffer, 0, flush: i == bytes.Length - 1);
            if (count == 0) continue;
            if (produced + count > charCount) throw new InvalidOperationException("the bytes decode to more characters than the text has");
            // The characters this byte completes are one unit: an edit takes all of them or none.
            boundaries[produced] = start;
            for (var k = 1; k < count; k++) boundaries[produced + k] = -1;
            produced += count;
            start = i + 1;
        }
        if (produced != charCount) throw new InvalidOperationException("the bytes decode to another number of characters than the text has");
        boundaries[charCount] = bytes.Length;
        return boundaries;
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
