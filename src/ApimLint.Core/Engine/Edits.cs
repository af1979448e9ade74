using ApimLint.Diagnostics;
using ApimLint.Syntax;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Engine;

/// <summary>
/// Builders for the text edits of fixes. Inserted text is written with "\n" and indented like its
/// neighbours; the fix engine turns "\n" into the file's own line break.
/// </summary>
public static class Edits
{
    /// <summary>
    /// Replace the value a location spans (an element's text, an attribute value, a .properties value or part of one,
    /// a JSON scalar, an nginx argument) with <paramref name="value"/> as its reader must read it: the text written is
    /// escaped for that place (<see cref="WrittenValue"/>). Rules give decoded values, never text of another file.
    /// </summary>
    public static TextEdit Replace(Location location, string value) =>
        TryReplace(location, value) ?? throw new ArgumentException($"{location.Path}: no escaping writes the value there");

    /// <summary>As <see cref="Replace"/>; null where the location spans no value, or no escaping of that place can write this one.</summary>
    public static TextEdit? TryReplace(Location location, string value) =>
        WrittenValue.At(location) is { } written && written.Encode(value) is { } text ? new TextEdit(location.Path, written.Span, text) : null;

    /// <summary>
    /// Copy a value from one place to another, perhaps in another file or syntax: what the source's reader reads
    /// there, written as the destination's reader will read it the same. Null where either place spans no value
    /// or no escaping of the destination can write it.
    /// </summary>
    public static TextEdit? Copy(Location from, Location to) =>
        WrittenValue.At(from) is { } source ? TryReplace(to, source.Decoded) : null;

    /// <summary>
    /// Replace characters [<paramref name="start"/>, <paramref name="end"/>) of a .properties entry's
    /// decoded value: the span they are written in (escapes, continuations) is rewritten with
    /// <paramref name="newText"/> escaped like the value; every other byte of the value stays as written.
    /// </summary>
    public static TextEdit ReplaceInPropertyValue(PropertyEntrySyntax entry, int start, int end, string newText)
    {
        var offsets = PropertiesParser.ValueOffsets(entry);
        var span = TextSpan.FromBounds(offsets[start], offsets[end]);
        return new TextEdit(entry.Source.Path, span, PropertiesEscaping.EscapeValuePart(newText, atValueStart: start == 0, entry.RawValue));
    }

    /// <summary>Insert XML on new lines after <paramref name="element"/>, at its indentation.</summary>
    public static TextEdit InsertAfter(XmlElementSyntax element, string xml)
    {
        var indent = IndentationOf(element);
        return new TextEdit(element.Source.Path, new TextSpan(element.Span.End, 0), "\n" + Indent(xml, indent));
    }

    /// <summary>Insert XML on new lines before <paramref name="element"/>, at its indentation.</summary>
    public static TextEdit InsertBefore(XmlElementSyntax element, string xml)
    {
        var indent = IndentationOf(element);
        return new TextEdit(element.Source.Path, new TextSpan(element.Span.Start, 0), Indent(xml, indent)[indent.Length..] + "\n" + indent);
    }

    /// <summary>Insert XML as the last child of <paramref name="parent"/>, one level deeper than the parent.</summary>
    public static TextEdit InsertLastChild(XmlElementSyntax parent, string xml)
    {
        var parentIndent = IndentationOf(parent);
        var childIndent = parent.Elements().LastOrDefault() is { } sibling ? IndentationOf(sibling) : parentIndent + IndentStep(parent);
        var endTag = parent.EndTagSpan ?? throw new ArgumentException("a self-closing element has no children to add to");
        var lineStart = LineStart(parent.Source.Text, endTag.Start);
        var onOwnLine = string.IsNullOrWhiteSpace(parent.Source.Text[lineStart..endTag.Start]);
        return onOwnLine
            ? new TextEdit(parent.Source.Path, new TextSpan(lineStart, 0), Indent(xml, childIndent) + "\n")
            : new TextEdit(parent.Source.Path, new TextSpan(endTag.Start, 0), "\n" + Indent(xml, childIndent) + "\n" + parentIndent);
    }

    /// <summary>Remove the lines a node occupies, when nothing else stands on them; else just the node.</summary>
    public static TextEdit RemoveLines(SyntaxNode node)
    {
        var text = node.Source.Text;
        var start = LineStart(text, node.Span.Start);
        var end = node.Span.End;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        var alone = string.IsNullOrWhiteSpace(text[start..node.Span.Start]) && (end == text.Length || text[end] is '\r' or '\n');
        if (!alone) return new TextEdit(node.Source.Path, node.Span, "");
        if (end < text.Length && text[end] == '\r') end++;
        if (end < text.Length && text[end] == '\n') end++;
        return new TextEdit(node.Source.Path, TextSpan.FromBounds(start, end), "");
    }

    public static string IndentationOf(SyntaxNode node)
    {
        var text = node.Source.Text;
        var start = LineStart(text, node.Span.Start);
        var end = start;
        while (end < node.Span.Start && text[end] is ' ' or '\t') end++;
        return text[start..end];
    }

    /// <summary>How much deeper a child sits than its parent in this file: the step from the grandparent, else four spaces.</summary>
    private static string IndentStep(XmlElementSyntax parent)
    {
        var own = IndentationOf(parent);
        var outer = parent.Parent is { } grandparent ? IndentationOf(grandparent) : null;
        return outer is not null && own.Length > outer.Length && own.StartsWith(outer, StringComparison.Ordinal) ? own[outer.Length..] : "    ";
    }

    private static string Indent(string text, string indent) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : indent + line));

    private static int LineStart(string text, int offset)
    {
        var i = offset;
        while (i > 0 && text[i - 1] is not ('\n' or '\r')) i--;
        return i;
    }
}
