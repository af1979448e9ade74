using System.Net;

namespace ApimLint.Syntax;

/// <summary>
/// IP address literals as <see cref="IPAddress"/> reads them, settled without it where the text alone settles it (a host
/// name, a plain dotted quad): its parser is generic code the runtime compiles at first use, which every run would pay.
/// </summary>
public static class IpLiterals
{
    /// <summary>Whether <see cref="IPAddress.TryParse(string, out IPAddress)"/> takes <paramref name="text"/> for an address.</summary>
    public static bool IsAddress(string text) => IsPlainDottedQuad(text) || MayBeAddress(text) && IPAddress.TryParse(text, out _);

    /// <summary>"192.168.10.1", "010.0.0.1": four decimal octets up to 255, each of one to three digits.</summary>
    public static bool IsDottedQuad(ReadOnlySpan<char> text) => IsDottedQuad(text, leadingZeros: true);

    /// <summary>A dotted quad without leading zeros, which IPAddress writes back as it is.</summary>
    public static bool IsPlainDottedQuad(ReadOnlySpan<char> text) => IsDottedQuad(text, leadingZeros: false);

    private static bool IsDottedQuad(ReadOnlySpan<char> text, bool leadingZeros)
    {
        var octets = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.') continue;
            var octet = text[start..i];
            if (octet.Length is 0 or > 3 || !leadingZeros && octet.Length > 1 && octet[0] == '0'
                || octet.ContainsAnyExceptInRange('0', '9') || int.Parse(octet) > 255) return false;
            octets++;
            start = i + 1;
        }
        return octets == 4;
    }

    /// <summary>Every other spelling IPAddress accepts has a ':' (IPv6), or starts with a digit and holds only hex digits, '.' and 'x' (IPv4 in parts, octal or hex).</summary>
    private static bool MayBeAddress(string text)
    {
        if (text.Contains(':')) return true;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0])) return false;
        foreach (var c in text)
            if (!char.IsAsciiHexDigit(c) && c is not ('.' or 'x' or 'X')) return false;
        return true;
    }
}
