using System.Text;

namespace ApimLint.Reporting.Escaping;

/// <summary>
/// A quoted Mermaid label (<c>["…"]</c>, <c>|"…"|</c>): on one line as <see cref="TerminalText"/> shows it, and
/// every character that could end the quotes, form HTML, a Mermaid directive (<c>%%{…}%%</c>), a
/// Markdown string or close the surrounding code fence written as a Mermaid entity code (<c>#quot;</c>, <c>#96;</c>).
/// </summary>
public static class MermaidText
{
    public static string Label(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in TerminalText.Escape(value))
        {
            text.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '%' => "#37;",
                '`' => "#96;",
                '~' => "#126;",
                '|' => "#124;",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}
