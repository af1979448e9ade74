using ApimLint.Diagnostics;
using ApimLint.Text;

namespace ApimLint.Syntax.Toml;

/// <summary>
/// Adds a key to a TOML file in the file's own style: under its table's last key when the file has a <c>[table]</c> header for
/// it; as a dotted key after the others when the file writes the table's keys dotted under a parent's header
/// (<c>[transport.https]</c> <c>properties.port = 9443</c>); else as a new table at the end of the file. The file's newline, every
/// other byte as it is.
/// </summary>
public static class TomlInsertion
{
    /// <summary>
    /// The edit that writes <c>key = value</c> (<paramref name="valueText"/> already TOML) into <paramref name="tablePath"/>; null
    /// when the table is written in a form a header cannot extend (an inline table, a dotted key elsewhere) or is an array element.
    /// </summary>
    public static TextEdit? Key(TomlDocumentSyntax document, string tablePath, string key, string valueText)
    {
        if (tablePath.Length == 0 || tablePath.Contains('[')) return null;
        var source = document.Source;
        var newline = source.NewLine;
        var line = $"{key} = {valueText}";
        if (document.TableHeaders.FirstOrDefault(t => t.Path == tablePath && t.ArrayPath is null) is { } table)
        {
            var after = table.Entries.Count > 0 ? table.Entries[^1].Span.End : table.HeaderSpan.End;
            var lineEnd = LineEnd(source.Text, after);
            return new TextEdit(source.Path, new TextSpan(lineEnd, 0), newline + line);
        }
        var prefix = tablePath + ".";
        var dotted = document.TableHeaders
            .Where(t => t.ArrayPath is null && prefix.StartsWith(t.Path + ".", StringComparison.Ordinal))
            .SelectMany(t => t.Entries.Where(e => e.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(e => (Table: t, Entry: e)))
            .LastOrDefault();
        if (dotted.Entry is not null)
        {
            var relative = tablePath[(dotted.Table.Path.Length + 1)..] + "." + key;
            return new TextEdit(source.Path, new TextSpan(LineEnd(source.Text, dotted.Entry.Span.End), 0), $"{newline}{relative} = {valueText}");
        }
        // Keys of the table written from elsewhere (an inline table, dotted keys at the top): a new header would redefine it.
        if (document.Entries.Any(e => e.Path.StartsWith(prefix, StringComparison.Ordinal))) return null;
        var text = source.Text;
        // A file that ends without a newline keeps ending without one.
        var endsWithNewline = text.Length == 0 || text.EndsWith('\n');
        var (separator, end) = text.Length == 0 ? ("", newline) : endsWithNewline ? (newline, newline) : (newline + newline, "");
        return new TextEdit(source.Path, new TextSpan(text.Length, 0), $"{separator}[{tablePath}]{newline}{line}{end}");
    }

    /// <summary>Where the line holding <paramref name="offset"/> ends, before its newline (a comment after a value stays on its line).</summary>
    private static int LineEnd(string text, int offset)
    {
        var end = text.IndexOf('\n', offset);
        if (end < 0) return text.Length;
        return end > 0 && text[end - 1] == '\r' ? end - 1 : end;
    }
}
