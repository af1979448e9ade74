using System.Text;

namespace ApimLint.Syntax.Properties;

/// <summary>Writes text as part of a .properties value so that java.util.Properties reads it back exactly.</summary>
public static class PropertiesEscaping
{
    /// <summary>
    /// Escapes <paramref name="text"/> for a value: backslashes, control characters, a leading
    /// whitespace where the value starts, and every character outside printable ASCII as \uXXXX (the
    /// format's only way that does not depend on the file's encoding). ':' and '=' are escaped when
    /// <paramref name="writtenValue"/>, the value as the file writes it, escapes them.
    /// </summary>
    public static string EscapeValuePart(string text, bool atValueStart, string writtenValue)
    {
        var escapeColon = writtenValue.Contains("\\:", StringComparison.Ordinal);
        var escapeEquals = writtenValue.Contains("\\=", StringComparison.Ordinal);
        var escaped = new StringBuilder(text.Length + 8);
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\f' => "\\f",
                ' ' when k == 0 && atValueStart => "\\ ",
                ':' when escapeColon => "\\:",
                '=' when escapeEquals => "\\=",
                < ' ' or > '~' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
