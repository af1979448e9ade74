using System.Runtime.CompilerServices;
using ApimLint.Syntax.Json;
using ApimLint.Syntax.Nginx;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Toml;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Syntax;

/// <summary>
/// A value at the place a file writes it (an XML attribute value or element text, a .properties value or part of
/// one, a JSON scalar, an nginx argument, a TOML scalar): what the file's reader decodes there, and how another
/// decoded value is written in its place, escaped for that place. The one place where a value meets its destination's syntax.
/// </summary>
public sealed class WrittenValue
{
    /// <summary>Each file read once per run, however many fixes write into it.</summary>
    private static readonly ConditionalWeakTable<SourceText, FileValues> ByFile = new();

    private sealed record FileValues(SyntaxNode? Syntax, Dictionary<TextSpan, WrittenValue> Values);

    private readonly Func<string, string?> _encode;

    private WrittenValue(TextSpan span, string decoded, Func<string, string?> encode)
    {
        Span = span;
        Decoded = decoded;
        _encode = encode;
    }

    /// <summary>The text a replacement rewrites; the location's span, or around it where writing a value needs more (a self-closing element).</summary>
    public TextSpan Span { get; }

    /// <summary>The value as the file's reader reads it.</summary>
    public string Decoded { get; }

    /// <summary>What to write over <see cref="Span"/> so that the reader reads <paramref name="value"/>; null when no escaping can.</summary>
    public string? Encode(string value) => _encode(value);

    /// <summary>The value a location spans, or null when it spans no value of its file's syntax (a whole entry, a tag, a SQL statement).</summary>
    public static WrittenValue? At(Location location)
    {
        if (location is not { Source: { } source, Span: { } span }) return null;
        var file = ByFile.GetValue(source, Index);
        if (file.Values.TryGetValue(span, out var value)) return value;
        return file.Syntax switch
        {
            XmlDocumentSyntax { Root: { } root } => InElement(root, span),
            PropertiesFileSyntax properties => InPropertyValue(properties, span),
            _ => null,
        };
    }

    /// <summary>
    /// An attribute value or element text, looked for among the elements around the span alone, in document order: an
    /// element's text is built when asked for, and a file holds thousands of elements where a fix writes into one.
    /// </summary>
    private static WrittenValue? InElement(XmlElementSyntax element, TextSpan span)
    {
        if (!element.Span.Contains(span)) return null;
        foreach (var attribute in element.Attributes)
            if (attribute.ValueSpan == span) return new WrittenValue(attribute.ValueSpan, attribute.Value, v => XmlEscaping.Attribute(v, attribute.Quote));
        if (element.TextSpan == span) return ElementText(element);
        foreach (var child in element.Elements())
            if (InElement(child, span) is { } found) return found;
        return null;
    }

    private static FileValues Index(SourceText source)
    {
        var values = new Dictionary<TextSpan, WrittenValue>();
        void Add(WrittenValue value, TextSpan at) => values.TryAdd(at, value);
        var syntax = Parse(source);
        switch (syntax)
        {
            case PropertiesFileSyntax properties:
                foreach (var entry in properties.Entries)
                    Add(new WrittenValue(entry.ValueSpan, entry.Value, v => PropertiesEscaping.EscapeValuePart(v, atValueStart: true, entry.RawValue)), entry.ValueSpan);
                break;
            case JsonDocumentSyntax { Root: { } root }:
                foreach (var scalar in JsonScalars(root))
                    Add(new WrittenValue(scalar.ValueSpan, scalar.Value, scalar.Kind == JsonScalarKind.String ? JsonEscaping.StringContent : JsonEscaping.Literal), scalar.ValueSpan);
                break;
            case TomlDocumentSyntax toml:
                foreach (var scalar in toml.Scalars())
                    Add(new WrittenValue(scalar.ValueSpan, scalar.Value!, v => TomlEscaping.Encode(scalar, v)), scalar.ValueSpan);
                break;
            case NginxFileSyntax nginx:
                foreach (var argument in NginxArguments(nginx.Directives))
                {
                    char? quote = argument.IsQuoted ? source.Text[argument.Span.Start] : null;
                    Add(new WrittenValue(argument.Span, argument.Value, v => NginxEscaping.Argument(v, quote)), argument.Span);
                }
                break;
        }
        return new FileValues(syntax, values);
    }

    /// <summary>By the file's name, as the fix run checks it; a file apimlint has no other parser for is nginx configuration.</summary>
    private static SyntaxNode? Parse(SourceText source) =>
        FileSyntax.Parse(source.Path, source) is { } parsed ? parsed.Error is null ? parsed.Syntax : null
        : NginxParser.Parse(source);

    /// <summary>An element's text; a self-closing element's is written by opening it ("/&gt;" becomes "&gt;text&lt;/name&gt;").</summary>
    private static WrittenValue ElementText(XmlElementSyntax element)
    {
        if (!element.IsSelfClosing) return new WrittenValue(element.TextSpan, element.Text, XmlEscaping.Text);
        var close = TextSpan.FromBounds(element.ContentSpan.Start, element.StartTagSpan.End);
        return new WrittenValue(close, "", v => v.Length == 0 ? "/>" : XmlEscaping.Text(v) is { } text ? $">{text}</{element.Name}>" : null);
    }

    /// <summary>A part of a .properties value (a user name or brokerlist inside a URL), as its decoded characters.</summary>
    private static WrittenValue? InPropertyValue(PropertiesFileSyntax properties, TextSpan span)
    {
        foreach (var entry in properties.Entries)
        {
            if (span.Start < entry.ValueSpan.Start || span.End > entry.ValueSpan.End) continue;
            var offsets = PropertiesParser.ValueOffsets(entry);
            var (start, end) = (Array.IndexOf(offsets, span.Start), Array.IndexOf(offsets, span.End));
            if (start < 0 || end < start) return null;
            return new WrittenValue(span, entry.Value[start..end], v => PropertiesEscaping.EscapeValuePart(v, atValueStart: start == 0, entry.RawValue));
        }
        return null;
    }

    private static IEnumerable<JsonScalarSyntax> JsonScalars(JsonNodeSyntax root)
    {
        var stack = new Stack<JsonNodeSyntax>([root]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonScalarSyntax scalar:
                    yield return scalar;
                    break;
                case JsonObjectSyntax obj:
                    foreach (var property in obj.Properties) stack.Push(property.Value);
                    break;
                case JsonArraySyntax array:
                    foreach (var item in array.Items) stack.Push(item);
                    break;
            }
        }
    }

    private static IEnumerable<NginxArgumentSyntax> NginxArguments(IEnumerable<NginxDirectiveSyntax> directives)
    {
        var stack = new Stack<NginxDirectiveSyntax>(directives);
        while (stack.Count > 0)
        {
            var directive = stack.Pop();
            foreach (var argument in directive.Arguments) yield return argument;
            foreach (var child in directive.Block ?? []) stack.Push(child);
        }
    }
}
