using System.Globalization;
using System.Text;

namespace ApimLint.Reporting.Escaping;

/// <summary>
/// Text from the deployment as a terminal or a CI log may show it: every control, format (bidi) and
/// line-separator character becomes a visible escape (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>), so a value
/// can neither move the cursor, restyle the screen nor start a line of its own; and no workflow command
/// of the GitHub runner can be formed from it (<c>##[</c> anywhere in a line, <c>::</c> at its start).
/// </summary>
public static class TerminalText
{
    /// <summary>A value inside a line that apimlint starts.</summary>
    public static string Escape(string value) => Escape(value, Layout.None);

    /// <summary>A value that may begin a line (a path, a table cell): also a leading <c>::</c> is shown escaped.</summary>
    public static string LineStart(string value) => GuardLineStart(Escape(value));

    /// <summary>One line of file text shown as such (a report's source line): tabs stay, everything else is escaped as in <see cref="LineStart"/>.</summary>
    public static string TextLine(string value) => GuardLineStart(Escape(value, Layout.Tabs));

    /// <summary>
    /// Several lines of file text (a diff): line feeds, tabs and a carriage return that ends a line stay,
    /// as a patch needs them; everything else is escaped as in <see cref="Escape"/>, line by line.
    /// </summary>
    public static string Block(string text)
    {
        var lines = Escape(text, Layout.TabsAndLineBreaks).Split('\n');
        return string.Join('\n', lines.Select(GuardLineStart));
    }

    /// <summary>The white space that lays text out and is kept as it is.</summary>
    private enum Layout
    {
        None,
        Tabs,
        TabsAndLineBreaks,
    }

    private static string Escape(string value, Layout layout)
    {
        if (value.All(c => !NeedsEscape(c) && c != '[' && !char.IsSurrogate(c))) return value;
        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var kept = c == '\t' ? layout != Layout.None
                : layout == Layout.TabsAndLineBreaks && (c == '\n' || (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n'));
            if (char.IsSurrogatePair(value, i) && IsInvisible(CharUnicodeInfo.GetUnicodeCategory(value, i)))
                text.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(value[i], value[++i]):x8}");
            else if (!kept && NeedsEscape(c))
                text.Append(Visible(c));
            else if (c == '[' && i >= 2 && value[i - 1] == '#' && value[i - 2] == '#')
                text.Append("\\x5b"); // the runner reads "##[command]" anywhere in a line
            else
                text.Append(c);
        }
        return text.ToString();
    }

    private static bool NeedsEscape(char c) => !char.IsSurrogate(c) && IsInvisible(char.GetUnicodeCategory(c));

    private static bool IsInvisible(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Visible(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        < '\u0100' => $"\\x{(int)c:x2}",
        _ => $"\\u{(int)c:x4}",
    };

    // The runner trims leading white space, then takes "::" as the start of a command.
    private static string GuardLineStart(string line)
    {
        var start = 0;
        while (start < line.Length && char.IsWhiteSpace(line[start])) start++;
        return line.AsSpan(start).StartsWith("::") ? string.Concat(line.AsSpan(0, start), "\\x3a", line.AsSpan(start + 1)) : line;
    }
}
