using System.Globalization;
using System.Text;
using System.Xml;

namespace ApimLint.Reporting.Escaping;

/// <summary>
/// Text inside an XML report, which CI servers show in a browser or a log: shown as in <see cref="TerminalText"/>
/// (control and bidi characters as escapes, no workflow command), and any character left that XML 1.0 cannot
/// carry at all (U+FFFE, U+FFFF, a lone surrogate) as <c>\uXXXX</c>. Markup characters are the XmlWriter's to escape.
/// </summary>
public static class XmlValue
{
    /// <summary>A value inside a line apimlint writes.</summary>
    public static string Escape(string value) => Representable(TerminalText.Escape(value));

    /// <summary>Lines of text already shown through <see cref="TerminalText"/> (a finding as the text format prints it).</summary>
    public static string Representable(string text)
    {
        var shown = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) shown.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) shown.Append(text, i++, 2);
            else shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:x4}");
        }
        return shown.ToString();
    }
}
