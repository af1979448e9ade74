using System.Text;

namespace ApimLint.Reporting.Escaping;

/// <summary>
/// Text from the deployment inside a line of GitHub Markdown (a heading, a table cell, a link's text):
/// shown on one line as <see cref="TerminalText"/> does, HTML's '&lt;', '>' and '&amp;' as entities, and every
/// character that can open inline markup (code, emphasis, strike-through, links, math) or end a table
/// cell ('|') escaped with a backslash. Characters that only mean something at the start of a line
/// ('#', '-', '+', '1.') are left alone: apimlint starts every line itself. Nor can data become an autolink.
/// </summary>
public static class MarkdownText
{
    public static string Inline(string value)
    {
        var escaped = TerminalText.Escape(value);
        var text = new StringBuilder(escaped.Length + 8);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            switch (c)
            {
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '&': text.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$' or '!': text.Append('\\').Append(c); break;
                default: text.Append(OpensAutolink(escaped, i) ? "\\" : "").Append(c); break;
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// GitHub turns a bare <c>https://…</c>, <c>www.…</c> or <c>name@domain</c> in text into a link, starting from the
    /// <c>:</c> of <c>://</c>, the <c>.</c> of <c>www.</c> or the <c>@</c>. Escaped with a backslash, that character is
    /// read as plain text and no link begins (the backslash does not show).
    /// </summary>
    private static bool OpensAutolink(string text, int at) => text[at] switch
    {
        '@' => true,
        ':' => text.AsSpan(at + 1).StartsWith("//"),
        '.' => at >= 3 && text.AsSpan(at - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>
    /// A link to a file (and line): to <paramref name="absoluteTarget"/> when there is one (made safe by its maker), else relative
    /// to the report, its path percent-encoded so that data cannot end the target or pick a scheme.
    /// </summary>
    public static string FileLink(string relativePath, int? line, string? absoluteTarget = null) =>
        $"[{Inline(relativePath + (line is { } l ? $"#L{l}" : ""))}]({absoluteTarget ?? UriPath.Encode(relativePath) + (line is { } n ? $"#L{n}" : "")})";
}
