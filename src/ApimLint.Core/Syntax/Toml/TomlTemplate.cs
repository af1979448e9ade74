using ApimLint.Text;

namespace ApimLint.Syntax.Toml;

/// <summary>
/// Finds Jinja (Ansible) and Helm (Go template) markers. A file that holds one is a template: its values are
/// placeholders and its control lines are not TOML, so it is never read as configuration. Markers count anywhere,
/// inside TOML strings too: <c>hostname = "{{ .Values.host }}"</c> parses, but its value is not the host.
/// </summary>
public static class TomlTemplate
{
    private static readonly (string Open, string Close)[] Markers = [("{{", "}}"), ("{%", "%}")];

    /// <summary>The first marker, from its opening to its closing delimiter; null when the file holds none.</summary>
    public static TextSpan? FirstMarker(string text)
    {
        TextSpan? first = null;
        foreach (var (open, close) in Markers)
        {
            var start = text.IndexOf(open, StringComparison.Ordinal);
            if (start < 0 || (first is { } found && found.Start < start)) continue;
            var end = text.IndexOf(close, start + open.Length, StringComparison.Ordinal);
            if (end >= 0) first = TextSpan.FromBounds(start, end + close.Length);
        }
        return first;
    }
}
