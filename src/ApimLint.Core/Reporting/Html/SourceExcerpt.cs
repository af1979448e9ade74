using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ApimLint.Text;

namespace ApimLint.Reporting.Html;

/// <summary>
/// The lines around a finding's span, numbered, the span marked. The file's text is masked
/// (<see cref="SecretMask"/>) before any line is cut from it, so no credential reaches the report;
/// a line the mask changed is marked whole.
/// </summary>
internal sealed partial class SourceExcerpt
{
    private const int Context = 2;
    private const int MaxLines = 14;

    /// <summary>How much of a long line is shown: a report stays readable (and small) beside a minified or hostile file.</summary>
    private const int MaxLineChars = 240, MaxContextChars = 80;

    private readonly Dictionary<SourceText, string[]> _maskedLines = [];

    public void AppendTo(INode parent, Location location)
    {
        if (location is not { Source: { } source, Start: { } start, End: { } end }) return;
        if (!_maskedLines.TryGetValue(source, out var masked))
            _maskedLines[source] = masked = LineBreak().Split(SecretMask.Apply(source.Text));
        var first = Math.Max(1, start.Line - Context);
        var last = Math.Min(Math.Min(masked.Length, end.Line + Context), first + MaxLines - 1);
        var code = parent.Add("pre", "source").Add("code");
        for (var line = first; line <= last; line++)
        {
            var row = code.Add("span", "line");
            row.Add("span", "ln", line.ToString(System.Globalization.CultureInfo.InvariantCulture)).SetAttribute("aria-hidden", "true");
            var text = masked[line - 1];
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

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
