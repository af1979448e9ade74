namespace ApimLint.Secrets;

/// <summary>
/// Passwords by their place in a URL: the userinfo of any scheme (amqp://user:pw@, jdbc:mysql://user:pw@,
/// with .properties escapes such as amqp\://admin\:pw@ too) and Oracle's user/pw@ (jdbc:oracle:thin:u/pw@host).
/// </summary>
internal static class UrlCredentials
{
    /// <summary>How far back a scheme (jdbc:sqlserver, amqp\:) is looked for before ://; keeps the scan linear.</summary>
    private const int MaxSchemeLength = 32;

    public static void Find(string text, SecretRanges ranges)
    {
        // Each URL is read up to the next one at most, so the text is read a bounded number of times.
        ForEach(text, "://", StringComparison.Ordinal, (start, limit) => UserInfo(text, start, limit, ranges));
        ForEach(text, "jdbc:oracle:", StringComparison.OrdinalIgnoreCase, (start, limit) => OracleCredentials(text, start, limit, ranges));
    }

    /// <summary>Calls <paramref name="read"/> with the text after each occurrence of <paramref name="marker"/> and the limit of its authority.</summary>
    private static void ForEach(string text, string marker, StringComparison comparison, Action<int, int> read)
    {
        for (var at = text.IndexOf(marker, comparison); at >= 0; )
        {
            var start = at + marker.Length;
            var next = text.IndexOf(marker, start, comparison);
            read(start, AuthorityLimit(text, start, next < 0 ? text.Length : next));
            at = next;
        }
    }

    /// <summary>
    /// Where a URL's authority can end at the latest: its line, the markup around it, the quote it stands
    /// in (unless escaped: \" in JSON), the next URL. A password may hold other quotes, spaces, / and ?,
    /// so the userinfo ends at the last @ before that.
    /// </summary>
    private static int AuthorityLimit(string text, int start, int nextUrl)
    {
        var quote = EnclosingQuote(text, start);
        for (var i = start; i < nextUrl; i++)
        {
            if (text[i] is '\r' or '\n' or '<' or '>') return i;
            if (text[i] == quote && text[i - 1] != '\\') return i;
        }
        return nextUrl;
    }

    /// <summary>The quote right before the URL's scheme (url="jdbc:…", brokerlist='tcp://…'), or none.</summary>
    private static char? EnclosingQuote(string text, int afterMarker)
    {
        var at = afterMarker;
        var limit = Math.Max(0, at - MaxSchemeLength);
        while (at > limit && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] is ':' or '/' or '+' or '.' or '-' or '\\')) at--;
        return at > 0 && text[at - 1] is '"' or '\'' ? text[at - 1] : null;
    }

    private static void UserInfo(string text, int start, int limit, SecretRanges ranges)
    {
        var at = text.AsSpan(start, limit - start).LastIndexOf('@');
        if (at < 0) return;
        var colon = text.AsSpan(start, at).IndexOf(':');
        if (colon >= 0) ranges.Add(start + colon + 1, start + at);
    }

    /// <summary>jdbc:oracle:thin:scott/tiger@//host:1521/db: the part after the driver type's colon, before @, is user/password.</summary>
    private static void OracleCredentials(string text, int afterPrefix, int limit, SecretRanges ranges)
    {
        var colon = text.AsSpan(afterPrefix, limit - afterPrefix).IndexOf(':');
        if (colon < 0) return;
        var userStart = afterPrefix + colon + 1;
        var at = text.AsSpan(userStart, limit - userStart).LastIndexOf('@');
        if (at < 0) return;
        var slash = text.AsSpan(userStart, at).IndexOf('/');
        if (slash >= 0) ranges.Add(userStart + slash + 1, userStart + at);
    }
}
