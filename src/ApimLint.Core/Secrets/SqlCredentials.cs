namespace ApimLint.Secrets;

/// <summary>
/// Passwords by SQL syntax: IDENTIFIED [WITH plugin] BY '…' (or Oracle's unquoted IDENTIFIED BY word),
/// SET PASSWORD [FOR user] = '…' or = PASSWORD('…'), and PostgreSQL's [WITH] PASSWORD '…' or $$…$$
/// ($tag$…$tag$); comments may stand between the keyword and the literal.
/// </summary>
internal static class SqlCredentials
{
    public static void Find(string text, SecretRanges ranges)
    {
        for (var at = 0; at < text.Length; at++)
        {
            if (TextScan.IsWordAt(text, at, "identified")) at = AfterIdentified(text, at + "identified".Length, ranges) - 1;
            else if (TextScan.IsWordAt(text, at, "password")) at = AfterPassword(text, at + "password".Length, ranges) - 1;
        }
    }

    /// <summary>The literal after the statement's BY (a MySQL 8 IDENTIFIED WITH plugin BY '…' too); Oracle takes a bare word.</summary>
    private static int AfterIdentified(string text, int at, SecretRanges ranges)
    {
        for (; at < text.Length && text[at] != ';'; at++)
        {
            if (!TextScan.IsWordAt(text, at, "by")) continue;
            var literal = SkipSpaceAndComments(text, at + 2);
            return Literal(text, literal, ranges) is var end && end > literal ? end : BareWord(text, literal, ranges);
        }
        return at;
    }

    /// <summary>PASSWORD '…', PASSWORD('…'), and SET PASSWORD FOR user = '…' (the assignment on the same line).</summary>
    private static int AfterPassword(string text, int wordEnd, SecretRanges ranges)
    {
        var at = SkipSpaceAndComments(text, wordEnd);
        if (TextScan.IsWordAt(text, at, "for"))
        {
            var assignment = text.AsSpan(at, TextScan.LineEnd(text, at) - at).IndexOf('=');
            if (assignment < 0) return TextScan.LineEnd(text, at);
            at = SkipSpaceAndComments(text, at + assignment + 1);
            if (TextScan.IsWordAt(text, at, "password")) at = SkipSpaceAndComments(text, at + "password".Length);
        }
        if (at < text.Length && text[at] == '(') at = SkipSpaceAndComments(text, at + 1);
        // SQL puts space or a parenthesis between the word and the literal; a quote right after it ends a name (name="…Password").
        var separated = at > wordEnd && text[wordEnd] != '"' && text[wordEnd] != '\'';
        return separated ? Literal(text, at, ranges) : at;
    }

    /// <summary>Masks the quoted or dollar-quoted literal at <paramref name="at"/>; returns its end, or <paramref name="at"/> when there is none.</summary>
    private static int Literal(string text, int at, SecretRanges ranges)
    {
        if (at >= text.Length) return at;
        at = AfterStringPrefix(text, at);
        if (at >= text.Length) return at;
        if (text[at] is '\'' or '"') return TextScan.MaskQuoted(text, at, ranges);
        return text[at] == '$' ? DollarQuoted(text, at, ranges) : at;
    }

    /// <summary>
    /// Past what may stand before a string literal's quote: PostgreSQL's E'…' and U&amp;'…', standard N'…', and
    /// MySQL's character set introducer (_utf8mb4'…'); where there is none, <paramref name="at"/> itself.
    /// </summary>
    private static int AfterStringPrefix(string text, int at)
    {
        var end = at;
        if (text[at] == '_') while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        else if (text[at] is 'E' or 'e' or 'N' or 'n') end++;
        else if (text[at] is 'U' or 'u' && at + 1 < text.Length && text[at + 1] == '&') end += 2;
        return end < text.Length && text[end] is '\'' && end > at ? end : at;
    }

    /// <summary>PostgreSQL's $tag$…$tag$ (the tag may be empty), over several lines; unterminated, to the text's end.</summary>
    private static int DollarQuoted(string text, int at, SecretRanges ranges)
    {
        var tagEnd = at + 1;
        while (tagEnd < text.Length && (char.IsLetterOrDigit(text[tagEnd]) || text[tagEnd] == '_')) tagEnd++;
        if (tagEnd >= text.Length || text[tagEnd] != '$') return at;
        var tag = text.AsSpan(at, tagEnd + 1 - at);
        var close = text.AsSpan(tagEnd + 1).IndexOf(tag);
        var end = close < 0 ? text.Length : tagEnd + 1 + close;
        ranges.Add(tagEnd + 1, end);
        return close < 0 ? end : end + tag.Length;
    }

    /// <summary>An unquoted password (Oracle's IDENTIFIED BY word): up to a blank or ;.</summary>
    private static int BareWord(string text, int at, SecretRanges ranges)
    {
        var end = at;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != ';') end++;
        ranges.Add(at, end);
        return end;
    }

    /// <summary>After blanks, line breaks, /* … */ and -- … comments.</summary>
    private static int SkipSpaceAndComments(string text, int at)
    {
        while (at < text.Length)
        {
            if (char.IsWhiteSpace(text[at])) at++;
            else if (text.AsSpan(at).StartsWith("/*"))
            {
                var close = text.IndexOf("*/", at + 2, StringComparison.Ordinal);
                at = close < 0 ? text.Length : close + 2;
            }
            else if (text.AsSpan(at).StartsWith("--")) at = TextScan.LineEnd(text, at);
            else break;
        }
        return at;
    }
}
