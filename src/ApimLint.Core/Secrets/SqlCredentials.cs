namespace ApimLint.Secrets;

/// <summary>
/// Passwords by SQL syntax: IDENTIFIED [WITH plugin] BY '…', SET PASSWORD [FOR user] = '…' or
/// = PASSWORD('…'), and PostgreSQL's [WITH] PASSWORD '…'.
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

    /// <summary>The literal after the statement's BY (a MySQL 8 IDENTIFIED WITH plugin BY '…' too).</summary>
    private static int AfterIdentified(string text, int at, SecretRanges ranges)
    {
        for (; at < text.Length && text[at] != ';'; at++)
        {
            if (!TextScan.IsWordAt(text, at, "by")) continue;
            var literal = SkipSpace(text, at + 2);
            return literal < text.Length && text[literal] is '\'' or '"' ? TextScan.MaskQuoted(text, literal, ranges) : literal;
        }
        return at;
    }

    /// <summary>PASSWORD '…', PASSWORD('…'), and SET PASSWORD FOR user = '…' (the assignment on the same line).</summary>
    private static int AfterPassword(string text, int wordEnd, SecretRanges ranges)
    {
        var at = SkipSpace(text, wordEnd);
        if (TextScan.IsWordAt(text, at, "for"))
        {
            var assignment = text.AsSpan(at, TextScan.LineEnd(text, at) - at).IndexOf('=');
            if (assignment < 0) return TextScan.LineEnd(text, at);
            at = SkipSpace(text, at + assignment + 1);
            if (TextScan.IsWordAt(text, at, "password")) at = SkipSpace(text, at + "password".Length);
        }
        if (at < text.Length && text[at] == '(') at = SkipSpace(text, at + 1);
        // SQL puts space or a parenthesis between the word and the literal; a quote right after it ends a name (name="…Password").
        var separated = at > wordEnd && text[wordEnd] != '"' && text[wordEnd] != '\'';
        return separated && at < text.Length && text[at] is '\'' or '"' ? TextScan.MaskQuoted(text, at, ranges) : at;
    }

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        return at;
    }
}
