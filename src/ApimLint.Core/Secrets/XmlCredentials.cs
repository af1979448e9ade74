using ApimLint.Text;

namespace ApimLint.Secrets;

/// <summary>
/// The XML that holds a credential: the whole content of an element whose name says so (&lt;password&gt;,
/// &lt;KeyPassword&gt;) or whose name attribute does (&lt;Property name="ConnectionPassword"&gt;), child
/// elements, CDATA and comments included; the value of an attribute whose name says so, or of any
/// attribute of such an element (&lt;Property name="Password" value="…"/&gt;), over several lines too.
/// </summary>
internal static class XmlCredentials
{
    public static void Find(string text, SecretRanges ranges)
    {
        var values = new List<Attribute>();
        for (var at = text.IndexOf('<'); at >= 0 && at < text.Length; at = text.IndexOf('<', at))
        {
            var skipped = SkipMarkup(text, at);
            if (skipped > at)
            {
                at = skipped;
                continue;
            }
            var tagEnd = StartTag(text, at, values, out var secret);
            foreach (var attribute in values)
                if (SecretPolicy.IsSecretAttribute(text.AsSpan(attribute.Name.Start, attribute.Name.Length), secret))
                    ranges.Add(attribute.Value.Start, attribute.Value.End);
            at = secret && IsOpen(text, tagEnd) ? Content(text, tagEnd, ranges) : tagEnd;
        }
    }

    /// <summary>An attribute's name and its value's inside (between the quotes).</summary>
    private readonly record struct Attribute(TextSpan Name, TextSpan Value);

    private static bool IsOpen(string text, int tagEnd) => text[tagEnd - 1] == '>' && text[tagEnd - 2] != '/';

    /// <summary>After a comment, CDATA section, declaration, processing instruction or end tag at <paramref name="at"/>; else <paramref name="at"/>.</summary>
    private static int SkipMarkup(string text, int at)
    {
        var rest = text.AsSpan(at);
        if (rest.StartsWith("<!--")) return After(text, at + 4, "-->");
        if (rest.StartsWith("<![CDATA[")) return After(text, at + 9, "]]>");
        if (rest.StartsWith("<?")) return After(text, at + 2, "?>");
        if (rest.StartsWith("<!") || rest.StartsWith("</")) return After(text, at + 2, ">");
        return IsStartTag(rest) ? at : at + 1;
    }

    private static bool IsStartTag(ReadOnlySpan<char> rest) => rest.Length > 1 && (char.IsLetter(rest[1]) || rest[1] == '_');

    private static int After(string text, int from, string terminator)
    {
        var end = text.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    /// <summary>
    /// The end of the start tag at <paramref name="at"/> (after its &gt;), its attributes, and whether the
    /// element holds a credential (by its name, or its name attribute's value).
    /// </summary>
    private static int StartTag(string text, int at, List<Attribute> attributes, out bool secret)
    {
        attributes.Clear();
        var i = at + 1;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('>' or '/')) i++;
        var name = text.AsSpan(at + 1, i - at - 1);
        secret = SecretPolicy.IsSecretName(name[(name.IndexOf(':') + 1)..]);
        while (i < text.Length && text[i] != '>')
        {
            if (text[i] is '"' or '\'')
            {
                var close = text.IndexOf(text[i], i + 1);
                if (close < 0) return text.Length;
                var attributeName = AttributeName(text, at + 1, i);
                attributes.Add(new Attribute(attributeName, TextSpan.FromBounds(i + 1, close)));
                secret |= text.AsSpan(attributeName.Start, attributeName.Length).Equals("name", StringComparison.OrdinalIgnoreCase)
                          && SecretPolicy.IsSecretName(text.AsSpan(i + 1, close - i - 1));
                i = close + 1;
            }
            else i++;
        }
        return Math.Min(i + 1, text.Length);
    }

    /// <summary>The name of the attribute whose quoted value starts at <paramref name="quote"/>; empty when no name= stands before it.</summary>
    private static TextSpan AttributeName(string text, int tagStart, int quote)
    {
        var at = quote;
        while (at > tagStart && char.IsWhiteSpace(text[at - 1])) at--;
        if (at == tagStart || text[at - 1] != '=') return new TextSpan(quote, 0);
        at--;
        while (at > tagStart && char.IsWhiteSpace(text[at - 1])) at--;
        var end = at;
        while (at > tagStart && !char.IsWhiteSpace(text[at - 1]) && text[at - 1] is not ('"' or '\'' or '=')) at--;
        return TextSpan.FromBounds(at, end);
    }

    /// <summary>Masks the element's whole content, nested elements included, up to its end tag; returns where that end tag starts.</summary>
    private static int Content(string text, int start, SecretRanges ranges)
    {
        var depth = 1;
        var at = start;
        var ignored = new List<Attribute>();
        while (true)
        {
            var next = text.IndexOf('<', at);
            if (next < 0)
            {
                at = text.Length;
                break;
            }
            if (text.AsSpan(next).StartsWith("</") && --depth == 0)
            {
                at = next;
                break;
            }
            var skipped = SkipMarkup(text, next);
            if (skipped > next)
            {
                at = skipped;
                continue;
            }
            at = StartTag(text, next, ignored, out _);
            if (IsOpen(text, at)) depth++;
        }
        if (!text.AsSpan(start, at - start).IsWhiteSpace()) ranges.Add(start, at);
        return at;
    }
}
