namespace ApimLint.Syntax.Xml;

/// <summary>Character classes and names of XML 1.0 (fifth edition).</summary>
internal static class XmlChars
{
    public static readonly char[] WhitespaceChars = [' ', '\t', '\r', '\n'];

    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    public static bool IsNameStartChar(char c) =>
        c < 0x80
            ? c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':'
            : c is (>= '\u00C0' and <= '\u00D6') or (>= '\u00D8' and <= '\u00F6') or (>= '\u00F8' and <= '\u02FF')
                or (>= '\u0370' and <= '\u037D') or (>= '\u037F' and <= '\u1FFF') or '\u200C' or '\u200D'
                or (>= '\u2070' and <= '\u218F') or (>= '\u2C00' and <= '\u2FEF') or (>= '\u3001' and <= '\uD7FF')
                or (>= '\uF900' and <= '\uFDCF') or (>= '\uFDF0' and <= '\uFFFD');

    public static bool IsNameChar(char c) =>
        IsNameStartChar(c) || c is '-' or '.' or (>= '0' and <= '9') or '\u00B7'
            or (>= '\u0300' and <= '\u036F') or '\u203F' or '\u2040';

    /// <summary>Name characters above U+FFFF are U+10000..U+EFFFF, whose high surrogates end at U+DB7F.</summary>
    public static bool IsNameSurrogatePair(string text, int index) =>
        text[index] is >= '\uD800' and <= '\uDB7F' && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);

    public static bool IsValidCodePoint(int value) =>
        value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>The offset of the first character XML 1.0 forbids anywhere in a document, or -1.</summary>
    public static int FindInvalidChar(string text)
    {
        var i = 0;
        while (true)
        {
            // Almost all text is in U+0020..U+D7FF, which the vectorized search skips.
            var next = text.AsSpan(i).IndexOfAnyExceptInRange('\u0020', '\uD7FF');
            if (next < 0) return -1;
            i += next;
            var c = text[i];
            if (c is '\t' or '\n' or '\r' or (>= '\uE000' and <= '\uFFFD'))
                i++;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i += 2;
            else
                return i;
        }
    }

    /// <summary>A character for an error message: quoted when printable, as U+XXXX otherwise.</summary>
    public static string Describe(char c) =>
        c < 0x20 || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or '\u007F' ? $"U+{(int)c:X4}" : $"'{c}'";

    /// <summary>The part after the prefix; namespaces are not resolved.</summary>
    public static string LocalName(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[(colon + 1)..];
    }
}
