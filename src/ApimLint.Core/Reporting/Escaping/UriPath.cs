using System.Text;

namespace ApimLint.Reporting.Escaping;

/// <summary>
/// A relative file path as an RFC 3986 relative reference: every byte of its UTF-8 but the unreserved
/// characters and '/' percent-encoded, so '#', '?', '%', a space or a ':' in a file name stays part of
/// the path instead of starting a fragment, a query, an escape or a scheme.
/// </summary>
public static class UriPath
{
    public static string Encode(string path)
    {
        var text = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            if (IsUnreserved(b) || b == '/') text.Append((char)b);
            else text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    private static bool IsUnreserved(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
        or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';
}
