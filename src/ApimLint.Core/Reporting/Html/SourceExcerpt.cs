using AngleSharp.Dom;
using ApimLint.Secrets;
using ApimLint.Text;

namespace ApimLint.Reporting.Html;

/// <summary>
/// The lines around a finding's span, numbered, the span marked. The file's text is masked
/// (<see cref="SecretMask"/>) before any line is cut from it, so no credential reaches the report;
/// a line the mask changed is marked whole.
/// </summary>
internal sealed class SourceExcerpt
{
    private const int Context = 2;
    private const int MaxLines = 14;

    /// <summary>How much of a long line is shown: a report stays readable (and small) beside a minified or hostile file.</summary>
    private const int MaxLineChars = 240, MaxContextChars = 80;

    private readonly Dictionary<SourceText, SourceText> _masked = [];

    public void AppendTo(INode parent, Location location)
    {
        if (location is not { Source: { } source, Start: { } start, End: { } end }) return;
        // The mask keeps every line break, so the masked text has the source's lines.
        if (!_masked.TryGetValue(source, out var masked))
            _masked[source] = masked = new SourceText(source.Path, SecretMask.Apply(source.Text));
        var first = Math.Max(1, start.Line - Context);
        var last = Math.Min(Math.Min(masked.GetLinePosition(masked.Length).Line, end.Line + Context), first + MaxLines - 1);
        var code = parent.Add("pre", "source").Add("code");
        for (var line = first; line <= last; line++)
        {
            var row = code.Add("span", "line");
            row.Add("span", "ln", line.ToString(System.Globalization.CultureInfo.InvariantCulture)).SetAttribute("aria-hidden", "true");
            var text = masked.GetLineText(line);
            if (line < start.Line || line > end.Line)
            {
                row.AddText(Head(text, MaxLineChars));
                continue;
            }
            // The marked columns of this line; a line the mask changed, or an empty span, is marked from its indentation on.
            var (from, to) = (line == start.Line ? start.Column - 1 : 0, line == end.Line ? end.Column - 1 : text.Length);
            if (text != source.GetLineText(line) || from >= to || to > text.Length) (from, to) = (text.Length - text.TrimStart().Length, text.Length);
            row.AddText(from <= MaxContextChars ? text[..from] : "…" + text[(from - MaxContextChars)..from]);
            row.Add("mark", null, Head(text[from..to], MaxLineChars));
            row.AddText(Head(text[to..], MaxContextChars));
        }
    }

    private static string Head(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
