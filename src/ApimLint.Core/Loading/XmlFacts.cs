using ApimLint.Model;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>Small readers that turn XML syntax into located model values.</summary>
internal static class XmlFacts
{
    public static Located<string> TextOf(XmlElementSyntax element) => new(element.Text, Location.InFile(element.Source, element.TextSpan));

    public static Located<string>? ChildText(XmlElementSyntax? parent, string localName) =>
        parent?.Element(localName) is { } child ? TextOf(child) : null;

    public static Located<string>? Attribute(XmlElementSyntax element, string localName) =>
        element.Attribute(localName) is { } attribute ? new(attribute.Value, Location.InFile(attribute.Source, attribute.ValueSpan)) : null;

    /// <summary>The <c>&lt;parameter name="…"&gt;</c> or <c>&lt;Property name="…"&gt;</c> child with that name.</summary>
    public static XmlElementSyntax? Named(XmlElementSyntax? parent, string elementName, string name) =>
        parent?.Elements(elementName).FirstOrDefault(p => p.AttributeValue("name") == name);

    public static Located<string>? NamedText(XmlElementSyntax? parent, string elementName, string name) =>
        Named(parent, elementName, name) is { } element ? TextOf(element) : null;

    /// <summary>A password element; Secure Vault marks it with svns:secretAlias.</summary>
    public static Secret? Secret(XmlElementSyntax? element) =>
        element is null ? null : new Secret(element.Text, Location.InFile(element.Source, element.TextSpan), element.AttributeValue("secretAlias"));
}
