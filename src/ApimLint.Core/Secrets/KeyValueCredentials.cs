namespace ApimLint.Secrets;

/// <summary>
/// Values by the name before them: password=…, Password = … (spaces around =), password: …, a quoted
/// value ("keyStorePassword" : "…", keystorePass='…'), SQL Server's {…} quoting (password={a;b}}c}),
/// a URL's parameters (?user=u&amp;password=…, ;password=…;, DB2's :password=…;), a .properties
/// line whose key and value are separated by whitespace only (  password secret), and a JSON array or
/// object under a secret key ("clientSecret": ["…"], "password": {"value": "…"}), whole.
/// </summary>
internal static class KeyValueCredentials
{
    /// <summary>How far back a name is looked for before a separator; keeps the scan linear.</summary>
    private const int MaxLookBack = 128;

    public static void Find(string text, SecretRanges ranges)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('=' or ':')) continue;
            var nameStart = NameStart(text, i, out var nameEnd);
            if (nameStart == nameEnd || !SecretPolicy.IsSecretName(text.AsSpan(nameStart, nameEnd - nameStart))) continue;
            i = Value(text, i, StartsLine(text, nameStart), ranges) - 1;
        }
        for (var line = 0; line < text.Length; line = NextLine(text, line)) WhitespaceSeparated(text, line, ranges);
    }

    /// <summary>The start of the name before the separator at <paramref name="separator"/> (blanks and one closing quote between them).</summary>
    private static int NameStart(string text, int separator, out int nameEnd)
    {
        var limit = Math.Max(0, separator - MaxLookBack);
        var at = separator;
        while (at > limit && text[at - 1] is ' ' or '\t') at--;
        if (at > limit && text[at - 1] is '"' or '\'') at--;
        nameEnd = at;
        while (at > limit && TextScan.IsNameChar(text[at - 1])) at--;
        return at;
    }

    /// <summary>True when only indentation (or a unified diff's +/- mark) stands before the name: a .properties key, whose value runs to the line's end.</summary>
    private static bool StartsLine(string text, int nameStart)
    {
        var limit = Math.Max(0, nameStart - MaxLookBack);
        var at = nameStart;
        while (at > limit && text[at - 1] is ' ' or '\t') at--;
        if (at > 0 && text[at - 1] is '+' or '-' && (at == 1 || TextScan.IsLineBreak(text[at - 2]))) at--;
        return at == 0 || TextScan.IsLineBreak(text[at - 1]);
    }

    /// <summary>Masks the value after the separator at <paramref name="separator"/> (and blanks); returns where scanning goes on.</summary>
    private static int Value(string text, int separator, bool toLineEnd, SecretRanges ranges)
    {
        var at = TextScan.SkipBlanks(text, separator + 1);
        // A quoted JSON key's value may stand on the next line; a .properties key's may not (it is empty there).
        if (text[separator] == ':' && separator > 0 && text[separator - 1] == '"') at = SkipWhiteSpace(text, at);
        if (at >= text.Length) return at;
        if (text[at] is '"' or '\'') return TextScan.MaskQuoted(text, at, ranges);
        if (text[at] is '[' or '{' && text[separator] == ':') return JsonStructure(text, at, ranges);
        if (text[at] == '{') return Braced(text, at, ranges);
        var end = toLineEnd ? TextScan.LineEnd(text, at) : UnquotedEnd(text, at);
        ranges.Add(at, end);
        return end;
    }

    /// <summary>
    /// Where an unquoted parameter's value ends: at ; &amp; &lt; or the line's end, or at a quote that closes
    /// what the parameter stands in (one before a blank, /&gt; or punctuation); a quote inside it is the password's.
    /// </summary>
    private static int UnquotedEnd(string text, int at)
    {
        for (var i = at; i < text.Length; i++)
        {
            if (text[i] is ';' or '&' or '<' || TextScan.IsLineBreak(text[i])) return i;
            if (text[i] is '"' or '\'' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] is '/' or '>' or ',' or ';' or '&' or '<' or ')' or ']' or '}')) return i;
        }
        return text.Length;
    }

    /// <summary>A JSON array or object, over several lines too, masked whole inside its brackets; unterminated, to the text's end.</summary>
    private static int JsonStructure(string text, int at, SecretRanges ranges)
    {
        var depth = 0;
        var i = at;
        for (; i < text.Length; i++)
        {
            if (text[i] is '"') i = TextScan.QuotedEnd(text, i) - 1;
            else if (text[i] is '[' or '{') depth++;
            else if (text[i] is ']' or '}' && --depth == 0) break;
        }
        ranges.Add(at + 1, Math.Min(i, text.Length));
        return Math.Min(i + 1, text.Length);
    }

    /// <summary>SQL Server's {…} value, in which }} is a brace; unterminated, it ends with its line.</summary>
    private static int Braced(string text, int at, SecretRanges ranges)
    {
        var i = at + 1;
        for (; i < text.Length && !TextScan.IsLineBreak(text[i]); i++)
        {
            if (text[i] != '}') continue;
            if (i + 1 < text.Length && text[i + 1] == '}') i++;
            else break;
        }
        ranges.Add(at + 1, i);
        return Math.Min(i + 1, text.Length);
    }

    /// <summary>A .properties line "key value": a secret key, blanks, then a value that is not after = or :.</summary>
    private static void WhitespaceSeparated(string text, int line, SecretRanges ranges)
    {
        var at = line < text.Length && text[line] is '+' or '-' ? line + 1 : line;
        at = TextScan.SkipBlanks(text, at);
        var nameStart = at;
        while (at < text.Length && TextScan.IsNameChar(text[at])) at++;
        if (at == nameStart || at >= text.Length || text[at] is not (' ' or '\t') || !SecretPolicy.IsSecretName(text.AsSpan(nameStart, at - nameStart))) return;
        var value = TextScan.SkipBlanks(text, at);
        if (value < text.Length && text[value] is not ('=' or ':')) ranges.Add(value, TextScan.LineEnd(text, value));
    }

    private static int SkipWhiteSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        return at;
    }

    private static int NextLine(string text, int at)
    {
        var end = TextScan.LineEnd(text, at);
        return end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
    }
}
