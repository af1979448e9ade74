using ApimLint.Diagnostics;

namespace ApimLint.Fixing;

/// <summary>Applies non-overlapping edits to a text, turning the edits' "\n" into the file's own line break.</summary>
public static class TextEditor
{
    public static string Apply(string text, IEnumerable<TextEdit> edits, string newLine)
    {
        var result = text;
        foreach (var edit in edits.OrderByDescending(e => e.Span.Start).ThenByDescending(e => e.Span.End))
            result = result[..edit.Span.Start] + WithNewLine(edit.NewText, newLine) + result[edit.Span.End..];
        return result;
    }

    public static string WithNewLine(string text, string newLine) =>
        newLine == "\n" ? text : text.Replace("\r\n", "\n").Replace("\n", newLine);
}
