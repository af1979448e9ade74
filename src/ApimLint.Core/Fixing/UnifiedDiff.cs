using System.Text;
using DiffPlex.Renderer;

namespace ApimLint.Fixing;

/// <summary>`--diff`: the changes of a fix run as a unified diff, paths relative to a base folder.</summary>
public static class UnifiedDiff
{
    public static string Render(IEnumerable<FileChange> changes, Func<string, string> displayPath)
    {
        var text = new StringBuilder();
        foreach (var change in changes)
        {
            var path = displayPath(change.Path);
            var oldName = change.IsCreation ? "/dev/null" : "a/" + path;
            // A final line break ends the last line; it is not an empty line of its own.
            var (oldText, newText) = (WithoutFinalBreak(change.OriginalText), WithoutFinalBreak(change.NewText));
            var diff = UnidiffRenderer.Instance.Generate(oldText, newText, oldName, "b/" + path, false, false).ReplaceLineEndings("\n");
            if (change.IsCreation) diff = diff.Replace("\n@@ -1,0 ", "\n@@ -0,0 ");
            text.Append(diff);
            if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
        }
        return text.ToString();
    }

    private static string WithoutFinalBreak(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
}
