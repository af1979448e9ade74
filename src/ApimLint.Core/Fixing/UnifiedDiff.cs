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
            var diff = UnidiffRenderer.Instance.Generate(change.OriginalText, change.NewText, oldName, "b/" + path, false, false);
            text.Append(diff.ReplaceLineEndings("\n"));
            if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
        }
        return text.ToString();
    }
}
