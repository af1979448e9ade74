namespace ApimLint.Secrets;

/// <summary>
/// The text of an XML element that holds a credential: one whose name says so (&lt;password&gt;,
/// &lt;KeyPassword&gt;) or whose name attribute does (&lt;Property name="ConnectionPassword"&gt;),
/// CDATA and comments inside it included. Attributes (keystorePass="…") are named values, masked
/// with the other name=value forms.
/// </summary>
internal static class XmlCredentials
{
    public static void Find(string text, SecretRanges ranges)
    {
        for (var at = text.IndexOf('<'); at >= 0 && at < text.Length; at = text.IndexOf('<', at))
        {
            var skipped = SkipMarkup(text, at);
            if (skipped > at)
            {
                at = skipped;
                continue;
            }
            var tagEnd = StartTag(text, at, out var secret);
            at = secret && text[tagEnd - 1] == '>' && text[tagEnd - 2] != '/' ? Content(text, tagEnd, ranges) : tagEnd;
        }
    }

    /// <summary>After a comment, CDATA section, declaration, processing instruction or end tag at <paramref name="at"/>; else <paramref name="at"/>.</summary>
    private static int SkipMarkup(string text, int at)
    {
        var rest = text.AsSpan(at);
        if (rest.StartsWith("<!--")) return After(text, at + 4, "-->");
        if (rest.StartsWith("<![CDATA[")) return After(text, at + 9, "]]>");
        if (rest.StartsWith("<?")) return After(text, at + 2, "?>");
        if (rest.StartsWith("<!") || rest.StartsWith("</")) return After(text, at + 2, ">");
        return rest.Length > 1 && (char.IsLetter(rest[1]) || rest[1] == '_') ? at : at + 1;
    }

    private static int After(string text, int from, string terminator)
    {
        var end = text.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    /// <summary>The end of the start tag at <paramref name="at"/> (after its &gt;), and whether the element holds a credential.</summary>
    private static int StartTag(string text, int at, out bool secret)
    {
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
                secret |= IsNameAttribute(text, at + 1, i) && SecretPolicy.IsSecretName(text.AsSpan(i + 1, close - i - 1));
                i = close + 1;
            }
            else i++;
        }
        return Math.Min(i + 1, text.Length);
    }

    /// <summary>True when the quoted value at <paramref name="quote"/> is a name="…" attribute's.</summary>
    private static bool IsNameAttribute(string text, int tagStart, int quote)
    {
        var at = quote;
        while (at > tagStart && char.IsWhiteSpace(text[at - 1])) at--;
        if (at == tagStart || text[at - 1] != '=') return false;
        at--;
        while (at > tagStart && char.IsWhiteSpace(text[at - 1])) at--;
        return at - 4 > tagStart && text.AsSpan(at - 4, 4).Equals("name", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(text[at - 5]);
    }

    /// <summary>Masks the element's text up to its first child or end tag, CDATA and comments included; returns where that markup starts.</summary>
    private static int Content(string text, int start, SecretRanges ranges)
    {
        var at = start;
        while (at < text.Length)
        {
            var next = text.IndexOf('<', at);
            if (next < 0) { at = text.Length; break; }
            var rest = text.AsSpan(next);
            if (!rest.StartsWith("<!--") && !rest.StartsWith("<![CDATA[")) { at = next; break; }
            at = SkipMarkup(text, next);
        }
        if (!text.AsSpan(start, at - start).IsWhiteSpace()) ranges.Add(start, at);
        return at;
    }
}
