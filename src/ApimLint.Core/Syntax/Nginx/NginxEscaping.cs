using System.Text;

namespace ApimLint.Syntax.Nginx;

/// <summary>Writes a value as an nginx argument so that nginx's reader (ngx_conf_read_token) reads it back exactly.</summary>
public static class NginxEscaping
{
    /// <summary>
    /// Bare when it was bare and nothing in it would end or quote a word; else in <paramref name="quote"/> (double
    /// quotes for a bare argument that needs them), with '\', that quote, tab, carriage return and line feed escaped.
    /// '$' stays: nginx expands variables in and out of quotes alike, so the value means what it meant where it was read.
    /// </summary>
    public static string Argument(string value, char? quote)
    {
        if (quote is null && value.Length > 0 && !value.Any(NeedsQuotes)) return value;
        var q = quote ?? '"';
        var escaped = new StringBuilder(value.Length + 4).Append(q);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\r' => "\\r",
                '\n' => "\\n",
                _ when c == q => $"\\{q}",
                _ => c.ToString(),
            });
        }
        return escaped.Append(q).ToString();
    }

    private static bool NeedsQuotes(char c) => c is ' ' or '\t' or '\r' or '\n' or ';' or '{' or '}' or '"' or '\'' or '\\' or '#';
}
