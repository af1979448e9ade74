using System.Globalization;
using AngleSharp.Dom;

namespace ApimLint.Reporting.Html;

/// <summary>Short ways to grow an AngleSharp document: the report is built as a DOM, never as concatenated markup.</summary>
internal static class Dom
{
    /// <summary>Appends an HTML element with an optional class and text.</summary>
    public static IElement Add(this INode parent, string tag, string? className = null, string? text = null)
    {
        var element = parent.Owner!.CreateElement(tag);
        if (className is not null) element.ClassName = className;
        if (text is not null) element.TextContent = Shown(text);
        parent.AppendChild(element);
        return element;
    }

    /// <summary>Appends an SVG element with its attributes (numbers in invariant culture).</summary>
    public static IElement AddSvg(this INode parent, string tag, params (string Name, object Value)[] attributes)
    {
        var element = parent.Owner!.CreateElement(NamespaceNames.SvgUri, tag);
        foreach (var (name, value) in attributes) element.SetAttribute(name, Format(value));
        parent.AppendChild(element);
        return element;
    }

    public static IElement With(this IElement element, string name, object value)
    {
        element.SetAttribute(name, Format(value));
        return element;
    }

    public static INode AddText(this INode parent, string text)
    {
        var node = parent.Owner!.CreateTextNode(Shown(text));
        parent.AppendChild(node);
        return node;
    }

    /// <summary>
    /// Text as the page shows it. The serializer escapes markup; the report may also be read as a CI log
    /// (written to standard output), so control characters are shown as escapes and no line can form a
    /// workflow command (<see cref="Escaping.TerminalText.TextLine"/>); tabs stay. No text of the report spans lines:
    /// each source line is an element of its own.
    /// </summary>
    private static string Shown(string text) => Escaping.TerminalText.TextLine(text);

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.#", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
