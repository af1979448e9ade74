namespace ApimLint.Secrets;

/// <summary>Forward-only scanning steps shared by the credential scanners; none looks further than the current line or construct.</summary>
internal static class TextScan
{
    public static bool IsLineBreak(char c) => c is '\n' or '\r';

    public static int SkipBlanks(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t') at++;
        return at;
    }

    public static int LineEnd(string text, int at)
    {
        var end = text.AsSpan(at).IndexOfAny('\n', '\r');
        return end < 0 ? text.Length : at + end;
    }

    public static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-';

    public static bool IsWordAt(string text, int at, string word) =>
        at + word.Length <= text.Length && text.AsSpan(at, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
        && (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]));

    /// <summary>
    /// The end (after the closing quote) of the quoted literal at <paramref name="at"/>: a doubled quote
    /// or a backslash escapes; an unterminated literal ends with its line.
    /// </summary>
    public static int QuotedEnd(string text, int at)
    {
        var quote = text[at];
        for (var i = at + 1; i < text.Length; i++)
        {
            if (IsLineBreak(text[i])) return i;
            if (text[i] == '\\') i++;
            else if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote) i++;
                else return i + 1;
            }
        }
        return text.Length;
    }

    /// <summary>Masks the inside of the quoted literal at <paramref name="at"/>; returns where scanning goes on.</summary>
    public static int MaskQuoted(string text, int at, SecretRanges ranges)
    {
        var end = QuotedEnd(text, at);
        var closed = end > at + 1 && end <= text.Length && text[end - 1] == text[at] && end - 1 > at;
        ranges.Add(at + 1, closed ? end - 1 : end);
        return end;
    }
}
