namespace ApimLint.Secrets;

/// <summary>
/// The value an nginx header directive gives a credential header: proxy_set_header Authorization "Basic …";
/// add_header X-Api-Key …; (any directive whose name ends in "header"). auth_basic_user_file names a
/// file, which is no secret.
/// </summary>
internal static class HeaderCredentials
{
    public static void Find(string text, SecretRanges ranges)
    {
        for (var line = 0; line < text.Length; )
        {
            var lineEnd = TextScan.LineEnd(text, line);
            // A statement starts a line, or follows ; { or } on it (location /x { proxy_set_header … }).
            for (var statement = line; statement < lineEnd; statement = NextStatement(text, statement, lineEnd))
                Directive(text, statement, lineEnd, ranges);
            line = lineEnd + 1;
        }
    }

    /// <summary>Just past the next ; { or } outside quotes, or the line's end.</summary>
    private static int NextStatement(string text, int at, int lineEnd)
    {
        for (var i = at; i < lineEnd; i++)
        {
            if (text[i] is '"' or '\'') i = Math.Min(TextScan.QuotedEnd(text, i), lineEnd) - 1;
            else if (text[i] is ';' or '{' or '}') return i + 1;
        }
        return lineEnd;
    }

    private static void Directive(string text, int statement, int lineEnd, SecretRanges ranges)
    {
        var at = TextScan.SkipBlanks(text, statement);
        var directive = Word(text, at, lineEnd);
        if (!text.AsSpan(at, directive - at).EndsWith("header", StringComparison.OrdinalIgnoreCase)) return;
        at = TextScan.SkipBlanks(text, directive);
        var quoted = at < lineEnd && text[at] is '"' or '\'';
        var nameStart = quoted ? at + 1 : at;
        var nameEnd = quoted ? Math.Max(nameStart, TextScan.QuotedEnd(text, at) - 1) : Word(text, at, lineEnd);
        if (nameEnd <= nameStart || !SecretPolicy.IsSecretName(text.AsSpan(nameStart, nameEnd - nameStart))) return;
        var value = TextScan.SkipBlanks(text, quoted ? nameEnd + 1 : nameEnd);
        if (value >= lineEnd) return;
        if (text[value] is '"' or '\'') TextScan.MaskQuoted(text, value, ranges);
        else ranges.Add(value, Word(text, value, lineEnd));
    }

    /// <summary>The end of the unquoted word at <paramref name="at"/>: the next blank or ;.</summary>
    private static int Word(string text, int at, int lineEnd)
    {
        while (at < lineEnd && text[at] is not (' ' or '\t' or ';')) at++;
        return at;
    }
}
