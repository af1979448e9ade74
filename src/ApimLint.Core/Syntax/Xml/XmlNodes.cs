using System.Text;
using ApimLint.Text;

namespace ApimLint.Syntax.Xml;

/// <summary>A parsed XML file: its root element, or the first error that stopped the parse.</summary>
public sealed class XmlDocumentSyntax : SyntaxNode, ICommentedSyntax
{
    private IReadOnlyList<CommentTrivia>? _comments;

    internal XmlDocumentSyntax(SourceText source, IReadOnlyList<XmlNodeSyntax> children, XmlElementSyntax? root, SyntaxError? error)
        : base(source, new TextSpan(0, source.Length))
    {
        Children = children;
        Root = root;
        Error = error;
    }

    /// <summary>The root element; null when <see cref="Error"/> is set.</summary>
    public XmlElementSyntax? Root { get; }

    /// <summary>The first error met; the tree is discarded when there is one.</summary>
    public SyntaxError? Error { get; }

    /// <summary>
    /// Top-level nodes in order: the XML declaration, processing instructions, comments and the root.
    /// Only whitespace, a leading byte order mark and the DOCTYPE lie between them.
    /// </summary>
    public IReadOnlyList<XmlNodeSyntax> Children { get; }

    /// <summary>Every comment of the document, in order; collected on demand.</summary>
    public IReadOnlyList<CommentTrivia> Comments => _comments ??= CollectComments();

    private List<CommentTrivia> CollectComments()
    {
        var comments = new List<CommentTrivia>();
        var stack = new Stack<XmlNodeSyntax>(Children.Reverse());
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case XmlCommentSyntax comment:
                    comments.Add(new CommentTrivia(Source, comment.Span, comment.Content));
                    break;
                case XmlElementSyntax element:
                    foreach (var child in element.Children.Reverse()) stack.Push(child);
                    break;
            }
        }
        return comments;
    }
}

public abstract class XmlNodeSyntax : SyntaxNode
{
    private protected XmlNodeSyntax(SourceText source, TextSpan span) : base(source, span)
    {
    }

    /// <summary>The enclosing element; null at the top level of the document.</summary>
    public XmlElementSyntax? Parent { get; internal set; }
}

public sealed class XmlElementSyntax : XmlNodeSyntax
{
    private string? _text;
    private TextSpan _textSpan;
    private string? _path;

    internal XmlElementSyntax(
        SourceText source,
        TextSpan span,
        string name,
        TextSpan nameSpan,
        IReadOnlyList<XmlAttributeSyntax> attributes,
        IReadOnlyList<XmlNodeSyntax> children,
        TextSpan startTagSpan,
        TextSpan? endTagSpan,
        TextSpan contentSpan)
        : base(source, span)
    {
        Name = name;
        LocalName = XmlChars.LocalName(name);
        NameSpan = nameSpan;
        Attributes = attributes;
        Children = children;
        StartTagSpan = startTagSpan;
        EndTagSpan = endTagSpan;
        ContentSpan = contentSpan;
        // Children are built before their parent, so the parent links are set here.
        foreach (var attribute in attributes) attribute.Parent = this;
        foreach (var child in children) child.Parent = this;
    }

    /// <summary>The qualified name as written, e.g. "svns:secretAlias".</summary>
    public string Name { get; }

    public string LocalName { get; }

    public TextSpan NameSpan { get; }

    public IReadOnlyList<XmlAttributeSyntax> Attributes { get; }

    /// <summary>Elements, text, CDATA, comments and processing instructions, in document order.</summary>
    public IReadOnlyList<XmlNodeSyntax> Children { get; }

    public TextSpan StartTagSpan { get; }

    /// <summary>Null when the element is self-closing.</summary>
    public TextSpan? EndTagSpan { get; }

    public bool IsSelfClosing => EndTagSpan is null;

    /// <summary>Between the start tag's '&gt;' and the end tag's '&lt;'; empty at the '/' of "/&gt;" when self-closing.</summary>
    public TextSpan ContentSpan { get; }

    /// <summary>The decoded direct text and CDATA children, concatenated and trimmed of XML whitespace.</summary>
    public string Text
    {
        get
        {
            EnsureText();
            return _text!;
        }
    }

    /// <summary>Where <see cref="Text"/> is written; empty at the start of the content when there is no text.</summary>
    public TextSpan TextSpan
    {
        get
        {
            EnsureText();
            return _textSpan;
        }
    }

    /// <summary>
    /// A stable logical key: local names from the root, with [@name='…'] for elements below the root
    /// that have a name attribute, e.g. "/axisconfig/clustering/parameter[@name='localMemberHost']".
    /// The root never gets one: it is unique anyway, and axis2.xml's root carries name="AxisJava2.0".
    /// </summary>
    public string Path => _path ??= BuildPath();

    public XmlElementSyntax? Element(string localName)
    {
        foreach (var child in Children)
        {
            if (child is XmlElementSyntax element && element.LocalName == localName) return element;
        }
        return null;
    }

    public IEnumerable<XmlElementSyntax> Elements() => Children.OfType<XmlElementSyntax>();

    public IEnumerable<XmlElementSyntax> Elements(string localName) => Elements().Where(e => e.LocalName == localName);

    /// <summary>The first attribute with this local name, whatever its prefix.</summary>
    public XmlAttributeSyntax? Attribute(string localName)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.LocalName == localName) return attribute;
        }
        return null;
    }

    public string? AttributeValue(string localName) => Attribute(localName)?.Value;

    /// <summary>The enclosing elements, nearest first.</summary>
    public IEnumerable<XmlElementSyntax> Ancestors()
    {
        for (var parent = Parent; parent is not null; parent = parent.Parent) yield return parent;
    }

    /// <summary>This element and every element below it, in document order (without recursion, so deep trees are safe).</summary>
    public IEnumerable<XmlElementSyntax> DescendantsAndSelf()
    {
        var stack = new Stack<XmlElementSyntax>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            yield return element;
            foreach (var child in element.Elements().Reverse()) stack.Push(child);
        }
    }

    private void EnsureText()
    {
        if (_text is not null) return;
        var builder = new StringBuilder();
        int start = -1, end = -1;
        foreach (var child in Children)
        {
            if (child is not XmlTextSyntax text) continue;
            builder.Append(text.Value);
            if (text.TrimmedSpan is { } trimmed)
            {
                if (start < 0) start = trimmed.Start;
                end = trimmed.End;
            }
        }
        _textSpan = start < 0 ? new TextSpan(ContentSpan.Start, 0) : TextSpan.FromBounds(start, end);
        _text = builder.ToString().Trim(XmlChars.WhitespaceChars);
    }

    private string BuildPath()
    {
        var builder = new StringBuilder();
        foreach (var element in Ancestors().Reverse().Append(this))
        {
            builder.Append('/').Append(element.LocalName);
            if (element.Parent is not null && element.AttributeValue("name") is { } name)
            {
                var quote = name.Contains('\'') ? '"' : '\'';
                builder.Append("[@name=").Append(quote).Append(name).Append(quote).Append(']');
            }
        }
        return builder.ToString();
    }
}

public sealed class XmlAttributeSyntax : SyntaxNode
{
    internal XmlAttributeSyntax(SourceText source, TextSpan span, string name, TextSpan nameSpan, string value, TextSpan valueSpan, char quote)
        : base(source, span)
    {
        Name = name;
        LocalName = XmlChars.LocalName(name);
        NameSpan = nameSpan;
        Value = value;
        ValueSpan = valueSpan;
        Quote = quote;
    }

    public string Name { get; }

    public string LocalName { get; }

    public TextSpan NameSpan { get; }

    /// <summary>Decoded and normalized as XML 1.0 requires: references resolved, literal tabs and line breaks become spaces.</summary>
    public string Value { get; }

    /// <summary>The raw value inside the quotes.</summary>
    public TextSpan ValueSpan { get; }

    public char Quote { get; }

    public XmlElementSyntax Parent { get; internal set; } = null!;
}

/// <summary>Character data: a run of text, or one CDATA section (whose span includes its delimiters).</summary>
public sealed class XmlTextSyntax : XmlNodeSyntax
{
    internal XmlTextSyntax(SourceText source, TextSpan span, string value, bool isCData, TextSpan? trimmedSpan)
        : base(source, span)
    {
        Value = value;
        IsCData = isCData;
        TrimmedSpan = trimmedSpan;
    }

    /// <summary>Decoded, with line breaks normalized to '\n'.</summary>
    public string Value { get; }

    public bool IsCData { get; }

    /// <summary>The source of the value without surrounding whitespace; null when the value is all whitespace.</summary>
    internal TextSpan? TrimmedSpan { get; }
}

public sealed class XmlCommentSyntax : XmlNodeSyntax
{
    private string? _content;

    internal XmlCommentSyntax(SourceText source, TextSpan span, TextSpan contentSpan)
        : base(source, span)
    {
        ContentSpan = contentSpan;
    }

    /// <summary>The raw text between "&lt;!--" and "--&gt;"; read on demand because few rules look at comments.</summary>
    public string Content => _content ??= Source[ContentSpan];

    public TextSpan ContentSpan { get; }
}

/// <summary>A processing instruction; the XML declaration is one with target "xml".</summary>
public sealed class XmlProcessingInstructionSyntax : XmlNodeSyntax
{
    internal XmlProcessingInstructionSyntax(SourceText source, TextSpan span, string target)
        : base(source, span)
    {
        Target = target;
    }

    public string Target { get; }
}
