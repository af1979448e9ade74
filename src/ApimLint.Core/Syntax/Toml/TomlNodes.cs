using ApimLint.Text;

namespace ApimLint.Syntax.Toml;

/// <summary>
/// A TOML file (a deployment.toml) read into canonical key paths: every way of spelling a key (a table header, a dotted
/// key, a quoted part) gives the same path, so <c>[transport.https] properties.proxyPort = 443</c> and
/// <c>[transport.https.properties] proxyPort = 443</c> both define "transport.https.properties.proxyPort". A part that
/// is not a bare key is written as a TOML basic string (<c>apim."key.manager".enable</c>); an element of an array of
/// tables or of an array is named by its index (<c>apim.throttling.url_group[0].url_pattern</c>).
/// </summary>
public sealed class TomlDocumentSyntax : SyntaxNode, ICommentedSyntax
{
    private readonly Dictionary<string, TomlKeyValueSyntax> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TomlTableSyntax>> _arrays = new(StringComparer.Ordinal);

    internal TomlDocumentSyntax(SourceText source, IReadOnlyList<TomlKeyValueSyntax> entries, IReadOnlyList<TomlTableSyntax> tables,
        IReadOnlyList<CommentTrivia> comments, IReadOnlyList<SyntaxError> conflicts, SyntaxError? error, TextSpan? template)
        : base(source, new TextSpan(0, source.Length))
    {
        Entries = entries;
        TableHeaders = tables;
        Comments = comments;
        Conflicts = conflicts;
        Error = error ?? conflicts.FirstOrDefault();
        Template = template;
        foreach (var entry in entries) _byPath.TryAdd(entry.Path, entry);
        foreach (var table in tables.Where(t => t.ArrayPath is not null))
        {
            if (!_arrays.TryGetValue(table.ArrayPath!, out var list)) _arrays[table.ArrayPath!] = list = [];
            list.Add(table);
        }
    }

    /// <summary>Every key that holds a value, in the order the file writes them, nested ones (in inline tables and arrays) included.</summary>
    public IReadOnlyList<TomlKeyValueSyntax> Entries { get; }

    /// <summary>Every <c>[table]</c> and <c>[[array.of.tables]]</c> header, in order.</summary>
    public IReadOnlyList<TomlTableSyntax> TableHeaders { get; }

    public IReadOnlyList<CommentTrivia> Comments { get; }

    /// <summary>
    /// Definitions the TOML specification forbids although each line parses: a key or a table defined twice, a table
    /// header over a key a dotted key or an inline table already defined. The tree keeps every definition as written.
    /// </summary>
    public IReadOnlyList<SyntaxError> Conflicts { get; }

    /// <summary>
    /// The first syntax error (then the tree is empty), else the first conflict: WSO2's configuration mapper refuses to
    /// start on either ("user_store previously defined at line 7", wso2/ansible-apim#117). Null for a valid file and for a template.
    /// </summary>
    public SyntaxError? Error { get; }

    /// <summary>The first Jinja or Helm marker (<c>{{ … }}</c>, <c>{% … %}</c>) when the file is a template: not TOML until rendered, so not read at all.</summary>
    public TextSpan? Template { get; }

    /// <summary>For a template, why it is not read, as an error at its first marker; null otherwise.</summary>
    public SyntaxError? TemplateError => Template is { } marker
        ? new SyntaxError(Source, marker.Start, "a Jinja or Helm template, not TOML until rendered: render it first")
        : null;

    /// <summary>Every string, number, boolean and date-time: the keys' values and the items of their arrays.</summary>
    public IEnumerable<TomlValueSyntax> Scalars()
    {
        var stack = new Stack<TomlValueSyntax>(Entries.Select(e => e.Value));
        while (stack.Count > 0)
        {
            var value = stack.Pop();
            if (value.Value is not null) yield return value;
            foreach (var item in value.Items) stack.Push(item);
        }
    }

    /// <summary>The value a canonical key path holds (the first definition when a conflict defines it twice); null when none.</summary>
    public TomlKeyValueSyntax? Get(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The elements of an array of tables (<c>[[apim.throttling.url_group]]</c>) in the file's order; empty when there is none.</summary>
    public IReadOnlyList<TomlTableSyntax> Tables(string path) => _arrays.TryGetValue(path, out var list) ? list : [];
}

/// <summary>A <c>[table]</c> or one <c>[[array.of.tables]]</c> element: its header and the keys it defines.</summary>
public sealed class TomlTableSyntax(SourceText source, TextSpan span, string path, string? arrayPath, TextSpan headerSpan, IReadOnlyList<TomlKeyValueSyntax> entries)
    : SyntaxNode(source, span)
{
    /// <summary>The canonical path of the table; for an element of an array of tables, with its index (<c>a.b[1]</c>).</summary>
    public string Path { get; } = path;

    /// <summary>For an element of an array of tables, the array's path (<c>a.b</c>); null for a <c>[table]</c>.</summary>
    public string? ArrayPath { get; } = arrayPath;

    public TextSpan HeaderSpan { get; } = headerSpan;

    /// <summary>The keys written under the header (dotted ones included), not those of inline tables in their values.</summary>
    public IReadOnlyList<TomlKeyValueSyntax> Entries { get; } = entries;
}

/// <summary><c>key = value</c>: its canonical path, where the key is written, and its value.</summary>
public sealed class TomlKeyValueSyntax(SourceText source, TextSpan span, string path, TextSpan keySpan, TomlValueSyntax value)
    : SyntaxNode(source, span)
{
    public string Path { get; } = path;

    public TextSpan KeySpan { get; } = keySpan;

    public TomlValueSyntax Value { get; } = value;
}

public enum TomlValueKind { String, Integer, Float, Boolean, DateTime, Array, InlineTable }

/// <summary>How a string is delimited, which decides how another value is written in its place.</summary>
public enum TomlStringStyle { Basic, Literal, MultiLineBasic, MultiLineLiteral }

/// <summary>A value; <see cref="SyntaxNode.Span"/> covers it with its delimiters (quotes, brackets, braces).</summary>
public sealed class TomlValueSyntax(SourceText source, TextSpan span, TomlValueKind kind, string? value, TomlStringStyle? style,
    IReadOnlyList<TomlValueSyntax> items) : SyntaxNode(source, span)
{
    public TomlValueKind Kind { get; } = kind;

    /// <summary>
    /// A scalar as a TOML reader reads it: a string's characters with escapes resolved, an integer in decimal, a
    /// boolean, a float or a date-time as written; null for an array or an inline table.
    /// </summary>
    public string? Value { get; } = value;

    /// <summary>For a string, how it is delimited; null otherwise.</summary>
    public TomlStringStyle? StringStyle { get; } = style;

    /// <summary>The items of an array, in order; empty for anything else (an inline table's keys are entries of the document).</summary>
    public IReadOnlyList<TomlValueSyntax> Items { get; } = items;

    /// <summary>What holds the value itself: a string's span inside its delimiters, else the whole span.</summary>
    public TextSpan ValueSpan => StringStyle switch
    {
        TomlStringStyle.Basic or TomlStringStyle.Literal => TextSpan.FromBounds(Span.Start + 1, Span.End - 1),
        TomlStringStyle.MultiLineBasic or TomlStringStyle.MultiLineLiteral => TextSpan.FromBounds(Span.Start + 3, Span.End - 3),
        _ => Span,
    };
}
