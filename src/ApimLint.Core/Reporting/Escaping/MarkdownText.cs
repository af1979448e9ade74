using System.Text;

namespace ApimLint.Reporting.Escaping;

/// <summary>
/// Text from the deployment inside a line of GitHub Markdown (a heading, a table cell, a link's text):
/// shown on one line as <see cref="TerminalText"/> does, HTML's '&lt;', '>' and '&amp;' as entities, and every
/// character that can open inline markup (code, emphasis, strike-through, links, math) or end a table
/// cell ('|') escaped with a backslash. Characters that only mean something at the start of a line
/// ('#', '-', '+', '1.') are left alone: apimlint starts every line itself.
/// </summary>
public static class MarkdownText
{
    public static string Inline(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in TerminalText.Escape(value))
        {
            switch (c)
            {
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '&': text.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$' or '!': text.Append('\\').Append(c); break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }

    /// <summary>A link to a file (and line) relative to the report: its path percent-encoded, so data cannot end the target or pick a scheme.</summary>
    public static string FileLink(string relativePath, int? line) =>
        $"[{Inline(relativePath + (line is { } l ? $"#L{l}" : ""))}]({UriPath.Encode(relativePath)}{(line is { } n ? $"#L{n}" : "")})";
}
