using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ApimLint.Syntax.Toml;

/// <summary>Writes a decoded value in the place of a TOML value so that a TOML reader reads it back exactly.</summary>
public static class TomlEscaping
{
    private static readonly Regex DecimalInteger = new(@"^[+-]?(0|[1-9][0-9]*)$", RegexOptions.NonBacktracking);

    private static readonly Regex DecimalFloat = new(@"^[+-]?(0|[1-9][0-9]*)(\.[0-9]+([eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)$|^[+-]?(inf|nan)$", RegexOptions.NonBacktracking);

    /// <summary>What to write over <paramref name="written"/>'s <see cref="TomlValueSyntax.ValueSpan"/>; null when nothing written there reads as <paramref name="value"/>.</summary>
    public static string? Encode(TomlValueSyntax written, string value) => written.Kind switch
    {
        TomlValueKind.String => written.StringStyle switch
        {
            TomlStringStyle.Basic or TomlStringStyle.MultiLineBasic => BasicString(value),
            TomlStringStyle.Literal => value.Any(c => c == '\'' || IsControl(c)) ? null : value,
            // A newline right after the opening ''' is dropped, and a quote by the closing one would end the string early.
            _ => value.StartsWith('\n') || value.Contains('\'') || value.Any(c => c != '\n' && IsControl(c)) ? null : value,
        },
        TomlValueKind.Integer => DecimalInteger.IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? value : null,
        TomlValueKind.Float => DecimalFloat.IsMatch(value) ? value : null,
        TomlValueKind.Boolean => value is "true" or "false" ? value : null,
        _ => null,
    };

    /// <summary>
    /// The inside of a basic string: '"', '\' and control characters escaped, everything else as it is (the
    /// escapes also hold inside a multi-line basic string). Null for a lone surrogate, which TOML cannot carry.
    /// </summary>
    public static string? BasicString(string value) => Json.JsonEscaping.StringContent(value, IsControl);

    /// <summary>A character no TOML string may hold as it is (a tab may, in every kind of string).</summary>
    private static bool IsControl(char c) => c != '\t' && (c < ' ' || c == '\u007F');
}
