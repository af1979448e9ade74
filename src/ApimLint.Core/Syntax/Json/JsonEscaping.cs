using System.Text;
using System.Text.Json;

namespace ApimLint.Syntax.Json;

/// <summary>Writes a decoded value into JSON so that a JSON parser reads it back exactly.</summary>
public static class JsonEscaping
{
    /// <summary>
    /// The inside of a string literal: '"', '\' and control characters escaped, everything else as it is.
    /// Null for a lone surrogate, which no JSON text can carry.
    /// </summary>
    public static string? StringContent(string value) => StringContent(value, c => c < ' ');

    /// <summary>
    /// The escaping JSON strings and TOML basic strings share ('\"', '\\', \n, \r, \t, \b, \f), with \uXXXX for the
    /// characters <paramref name="needsCodeEscape"/> names. Null for a lone surrogate.
    /// </summary>
    internal static string? StringContent(string value, Func<char, bool> needsCodeEscape)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var k = 0; k < value.Length; k++)
        {
            var c = value[k];
            if (char.IsHighSurrogate(c) && k + 1 < value.Length && char.IsLowSurrogate(value[k + 1]))
            {
                escaped.Append(c).Append(value[++k]);
                continue;
            }
            if (char.IsSurrogate(c)) return null;
            escaped.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when needsCodeEscape(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    /// <summary>A literal written bare (true, false, null, a number): the value itself when it is one, else null.</summary>
    public static string? Literal(string value)
    {
        if (value.Length == 0 || value.Trim() != value) return null;
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Number ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
