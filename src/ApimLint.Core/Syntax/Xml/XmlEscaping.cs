using System.Text;

namespace ApimLint.Syntax.Xml;

/// <summary>Writes a decoded value into XML so that an XML 1.0 parser reads it back exactly.</summary>
public static class XmlEscaping
{
    /// <summary>
    /// An attribute value inside <paramref name="quote"/>: '&amp;', '&lt;' and that quote as references, and tab,
    /// line feed and carriage return as character references, which attribute normalization keeps. Null when the
    /// value holds a character XML 1.0 forbids, which no reference can write.
    /// </summary>
    public static string? Attribute(string value, char quote) =>
        Escape(value, (c, _) => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '"' when quote == '"' => "&quot;",
            '\'' when quote == '\'' => "&apos;",
            '\t' => "&#9;",
            '\n' => "&#10;",
            '\r' => "&#13;",
            _ => null,
        });

    /// <summary>
    /// Element text: '&amp;' and '&lt;' as references, '&gt;' where it would close "]]&gt;", and a carriage return as a
    /// character reference (a literal one is read as a line feed). Null when the value holds a character XML 1.0 forbids.
    /// </summary>
    public static string? Text(string value) =>
        Escape(value, (c, k) => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' when k >= 2 && value[k - 1] == ']' && value[k - 2] == ']' => "&gt;",
            '\r' => "&#13;",
            _ => null,
        });

    private static string? Escape(string value, Func<char, int, string?> reference)
    {
        if (XmlChars.FindInvalidChar(value) >= 0) return null;
        var escaped = new StringBuilder(value.Length + 8);
        for (var k = 0; k < value.Length; k++)
        {
            if (reference(value[k], k) is { } written) escaped.Append(written);
            else escaped.Append(value[k]);
        }
        return escaped.ToString();
    }
}
