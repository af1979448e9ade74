using System.Text;
using ApimLint.Model;

namespace ApimLint.Drift;

/// <summary>
/// Values that differ only in how a host is spelled mean the same on both nodes: host names are
/// case-insensitive (DNS), and every loopback spelling (localhost, 127.x.x.x, ::1) names each node's own
/// machine. A value's canonical form writes each host it holds in one spelling per class of
/// <see cref="Hosts.SameAddress"/> (<see cref="Hosts.Canonical"/>) and keeps every
/// other character as written: scheme, user, port, path and query stay case-sensitive.
/// </summary>
/// <remarks>
/// Hosts are found by a linear scan, at the start of the value or after a list separator ('{', ',', '|', ';',
/// a quote or whitespace): a URL's authority (scheme://user@host:port, jdbc:mysql://…, tcp://…, an Oracle
/// jdbc:…:@host:port), so a brokerlist='tcp://…;tcp://…' and {tcp://…},{tcp://…} lists count too. An AMQP URL's
/// own authority is its client id, not a host. A bare host or host:port is a host only when it is a loopback
/// spelling or the key names a host (HostName, defaultHost, whiteListedHostNames): a class or log level written
/// in another case stays a difference.
/// </remarks>
public static class HostSpelling
{
    /// <summary>Whether the values are the same once their hosts are spelled alike.</summary>
    public static bool SameValue(string a, string b, bool bareHost) =>
        a == b || Canonical(a, bareHost) == Canonical(b, bareHost);

    /// <summary>Whether a key's last name says it holds a host (/Server/HostName, …/@defaultHost, $.whiteListedHostNames[0]).</summary>
    public static bool NamesAHost(string key) =>
        key.AsSpan(key.LastIndexOfAny(['/', '.']) + 1).Contains("host", StringComparison.OrdinalIgnoreCase);

    /// <summary>Compares identities that are host names (a WKA member's hostName) as the same host.</summary>
    public static readonly IEqualityComparer<string> BareHostComparer = new HostComparer();

    /// <summary>The value with each host it holds in its canonical spelling; the value itself when it holds none.</summary>
    /// <param name="bareHost">Whether a bare host or host:port counts as a host whatever its spelling (else only a loopback one does).</param>
    public static string Canonical(string value, bool bareHost) =>
        BareHost(value) is not { } bare ? CanonicalUrls(value)
        : bareHost || Hosts.IsLoopback(value[bare]) ? Respell(value, [bare])
        : value;

    /// <summary>The value with the host of each URL it holds in its canonical spelling; a bare host stays as written (a password may read like one).</summary>
    public static string CanonicalUrls(string value)
    {
        List<Range>? hosts = null;
        for (var start = 0; start < value.Length; start = NextCandidate(value, start))
            if (UrlHost(value, start) is { } host) (hosts ??= []).Add(host);
        return hosts is null ? value : Respell(value, hosts);
    }

    private static string Respell(string value, List<Range> hosts)
    {
        var result = new StringBuilder(value.Length);
        var done = 0;
        foreach (var host in hosts)
        {
            var (offset, length) = host.GetOffsetAndLength(value.Length);
            result.Append(value, done, offset - done).Append(Hosts.Canonical(value.Substring(offset, length)));
            done = offset + length;
        }
        return result.Append(value, done, value.Length - done).ToString();
    }


    // ---- finding hosts ---------------------------------------------------------------------------

    private const string ListSeparators = "{,|;'\" \t\r\n";
    private const string AuthorityEnd = "/?#;,|'\"{}<>\\ \t\r\n";

    /// <summary>The next position after a list separator, where another URL may start.</summary>
    private static int NextCandidate(string value, int start)
    {
        var separator = value.AsSpan(start).IndexOfAny(ListSeparators);
        return separator < 0 ? value.Length : start + separator + 1;
    }

    /// <summary>The host of a URL starting at <paramref name="start"/>, when one starts there and has a host.</summary>
    private static Range? UrlHost(string value, int start)
    {
        var i = start;
        while (i < value.Length && (char.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.' or ':')) i++;
        if (i - start < 2 || value[i - 1] != ':' || !char.IsAsciiLetter(value[start])) return null;
        int authority;
        if (value.AsSpan(i).StartsWith("//")) authority = i + 2;
        else if (i < value.Length && value[i] == '@' && value.AsSpan(start).StartsWith("jdbc:oracle:", StringComparison.OrdinalIgnoreCase))
            authority = value.AsSpan(i + 1).StartsWith("//") ? i + 3 : i + 1;
        else return null;
        if (value.AsSpan(start, i - start).Equals("amqp:", StringComparison.OrdinalIgnoreCase)) return null;

        var end = value.AsSpan(authority).IndexOfAny(AuthorityEnd);
        end = end < 0 ? value.Length : authority + end;
        var host = value.AsSpan(authority, end - authority).LastIndexOf('@') + 1 + authority;
        var hostEnd = HostEnd(value, host, end);
        return hostEnd > host && ValidHost(value.AsSpan(host, hostEnd - host)) ? host..hostEnd : null;
    }

    /// <summary>Where a host starting at <paramref name="host"/> ends: after a bracketed IPv6 address, else at a port's ':'.</summary>
    private static int HostEnd(string value, int host, int end)
    {
        if (host < end && value[host] == '[')
        {
            var close = value.AsSpan(host, end - host).IndexOf(']');
            return close < 0 ? host : host + close + 1;
        }
        var colon = value.AsSpan(host, end - host).IndexOf(':');
        return colon < 0 ? end : host + colon;
    }

    /// <summary>A whole value that is a host, host:port, [IPv6]:port or an unbracketed IPv6 address.</summary>
    private static Range? BareHost(string value)
    {
        var colons = value.AsSpan().Count(':');
        var hostEnd = colons > 1 && value[0] != '[' ? value.Length : HostEnd(value, 0, value.Length);
        if (hostEnd == 0 || !ValidHost(value.AsSpan(0, hostEnd))) return null;
        var port = value.AsSpan(hostEnd);
        return port.IsEmpty || (port.Length > 1 && port[0] == ':' && !port[1..].ContainsAnyExceptInRange('0', '9')) ? 0..hostEnd : null;
    }

    /// <summary>A DNS name, an IPv4 address (four numbers: a version such as 127.1 is not one), or an IPv6 address in brackets or bare.</summary>
    private static bool ValidHost(ReadOnlySpan<char> host)
    {
        if (host[0] == '[') host = host.Length > 2 && host[^1] == ']' ? host[1..^1] : [];
        if (host.IsEmpty) return false;
        // Character tests rather than sets of characters: a set of more than five is analysed at run time, at every start-up.
        if (host.Contains(':')) return All(host, c => char.IsAsciiHexDigit(c) || c is ':' or '.' or '%');
        if (!All(host, c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')) return false;
        return !All(host, c => char.IsAsciiDigit(c) || c == '.') || host.Count('.') == 3;
    }

    private static bool All(ReadOnlySpan<char> text, Func<char, bool> test)
    {
        foreach (var c in text)
            if (!test(c)) return false;
        return true;
    }

    private sealed class HostComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => x is null || y is null ? x == y : SameValue(x, y, bareHost: true);

        public int GetHashCode(string value) => StringComparer.Ordinal.GetHashCode(Canonical(value, bareHost: true));
    }
}
