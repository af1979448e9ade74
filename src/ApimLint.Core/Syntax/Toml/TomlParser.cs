using System.Globalization;
using ApimLint.Text;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace ApimLint.Syntax.Toml;

/// <summary>
/// Reads a TOML file with Tomlyn's full-fidelity syntax parser (which writes every byte back: comments, blank lines,
/// spellings) into canonical key paths with spans. Tomlyn's model API accepts a key defined twice; its syntax parser's
/// validation reports it, which is why this reads the syntax tree.
/// </summary>
public static class TomlParser
{
    /// <summary>The arrays and inline tables Tomlyn reads nested in one another: its depth limit, 64, counts the key too.</summary>
    private const int MaxNesting = 63;

    public static TomlDocumentSyntax Parse(SourceText source) => ParsedOnce<TomlDocumentSyntax>.Get(source, ParseSource);

    private static TomlDocumentSyntax ParseSource(SourceText source)
    {
        if (TomlTemplate.FirstMarker(source.Text) is { } marker) return Empty(source, null, marker);
        // Tomlyn skips a byte order mark without counting it; the offsets here count it.
        var shift = source.Text.StartsWith('\uFEFF') ? 1 : 0;
        var text = source.Text[shift..];
        DocumentSyntax validated;
        try
        {
            validated = SyntaxParser.Parse(text, source.Path, validate: true);
            // Without validation only syntax errors remain; with errors of syntax, the tree is partial and not read.
            if (validated.HasErrors && FirstError(SyntaxParser.Parse(text, source.Path, validate: false)) is { } syntaxError)
                return Empty(source, new SyntaxError(source, shift + syntaxError.Span.Start.Offset, WithoutQuotedText(syntaxError.Message)), null);
        }
        catch (TomlException)
        {
            // Tomlyn stops, without a position, at values nested deeper than it reads.
            return Empty(source, new SyntaxError(source, shift + TooDeep(text, MaxNesting), $"arrays or inline tables nested deeper than {MaxNesting}"), null);
        }
        var conflicts = validated.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error)
            .Select(d => new SyntaxError(source, shift + d.Span.Start.Offset, WithoutQuotedText(d.Message))).ToList();
        return new Reader(source, shift).Read(validated, conflicts);
    }

    /// <summary>
    /// Tomlyn's message without the file's text it quotes ("found `…`", "with `key = value`"): that text may be part of a
    /// password, and the position already shows where it is.
    /// </summary>
    private static string WithoutQuotedText(string message)
    {
        foreach (var (clause, kept) in new[] { (" found `", " found"), (" with `", "") })
        {
            var start = message.IndexOf(clause, StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('`', start + clause.Length);
            if (end >= 0) message = message[..start] + kept + message[(end + 1)..];
        }
        return message;
    }

    private static DiagnosticMessage? FirstError(DocumentSyntax syntax) =>
        syntax.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error);

    /// <summary>Where brackets and braces, counted outside strings and comments, first nest deeper than <paramref name="limit"/>; 0 if they do not.</summary>
    private static int TooDeep(string text, int limit)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '#')
            {
                while (i + 1 < text.Length && text[i + 1] != '\n') i++;
            }
            else if (c is '"' or '\'')
            {
                while (i + 1 < text.Length && text[++i] != c)
                    if (c == '"' && text[i] == '\\') i++;
            }
            else if (c is '[' or '{')
            {
                if (++depth > limit) return i;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }
        return 0;
    }

    private static TomlDocumentSyntax Empty(SourceText source, SyntaxError? error, TextSpan? template) =>
        new(source, [], [], [], [], error, template);

    private sealed class Reader(SourceText source, int shift)
    {
        private readonly List<TomlKeyValueSyntax> _entries = [];
        private readonly List<CommentTrivia> _comments = [];
        /// <summary>How many elements each array of tables has so far: a header below one names its last element.</summary>
        private readonly Dictionary<string, int> _arrayLengths = new(StringComparer.Ordinal);

        public TomlDocumentSyntax Read(DocumentSyntax document, IReadOnlyList<SyntaxError> conflicts)
        {
            foreach (var keyValue in document.KeyValues) ReadKeyValue("", keyValue);
            var tables = new List<TomlTableSyntax>();
            foreach (var table in document.Tables) tables.Add(ReadTable(table));
            new CommentCollector(this, source).Visit(document);
            _comments.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            return new TomlDocumentSyntax(source, _entries, tables, _comments, conflicts, null, null);
        }

        private TomlTableSyntax ReadTable(TableSyntaxBase table)
        {
            var parts = Parts(table.Name!);
            var path = "";
            for (var k = 0; k < parts.Count; k++)
            {
                path = Join(path, parts[k]);
                if (k < parts.Count - 1 && _arrayLengths.TryGetValue(path, out var length)) path += Index(length - 1);
            }
            string? arrayPath = null;
            if (table is TableArraySyntax)
            {
                arrayPath = path;
                var index = _arrayLengths.GetValueOrDefault(path);
                _arrayLengths[path] = index + 1;
                path += Index(index);
            }
            var entries = table.Items.Select(keyValue => ReadKeyValue(path, keyValue)).ToList();
            var header = TextSpan.FromBounds(Start(table.OpenBracket!), End(table.CloseBracket!));
            var span = entries.Count > 0 ? TextSpan.FromBounds(header.Start, entries[^1].Span.End) : header;
            return new TomlTableSyntax(source, span, path, arrayPath, header, entries);
        }

        private TomlKeyValueSyntax ReadKeyValue(string prefix, KeyValueSyntax keyValue)
        {
            var path = Join(prefix, string.Join('.', Parts(keyValue.Key!)));
            // Entries are listed in the order the file writes them: the key before the keys its value nests.
            var at = _entries.Count;
            var value = ReadValue(path, keyValue.Value!);
            var entry = new TomlKeyValueSyntax(source, TextSpan.FromBounds(Start(keyValue.Key!), End(keyValue.Value!)), path,
                TextSpan.FromBounds(Start(keyValue.Key!), End(keyValue.Key!)), value);
            _entries.Insert(at, entry);
            return entry;
        }

        private TomlValueSyntax ReadValue(string path, ValueSyntax value)
        {
            var span = TextSpan.FromBounds(Start(value), End(value));
            switch (value)
            {
                case StringValueSyntax text:
                    return Scalar(span, TomlValueKind.String, text.Value, Style(text.Token!.TokenKind));
                case IntegerValueSyntax integer:
                    return Scalar(span, TomlValueKind.Integer, integer.Value.ToString(CultureInfo.InvariantCulture), null);
                case FloatValueSyntax number:
                    return Scalar(span, TomlValueKind.Float, number.Token!.Text, null);
                case BooleanValueSyntax boolean:
                    return Scalar(span, TomlValueKind.Boolean, boolean.Value ? "true" : "false", null);
                case DateTimeValueSyntax date:
                    return Scalar(span, TomlValueKind.DateTime, date.Token!.Text, null);
                case ArraySyntax array:
                    var items = array.Items.Select((item, k) => ReadValue(path + Index(k), item.Value!)).ToList();
                    return new TomlValueSyntax(source, span, TomlValueKind.Array, null, null, items);
                case InlineTableSyntax table:
                    foreach (var item in table.Items) ReadKeyValue(path, item.KeyValue!);
                    return new TomlValueSyntax(source, span, TomlValueKind.InlineTable, null, null, []);
                default:
                    throw new InvalidOperationException($"unexpected TOML value {value.Kind}");
            }
        }

        private TomlValueSyntax Scalar(TextSpan span, TomlValueKind kind, string? value, TomlStringStyle? style) =>
            new(source, span, kind, value, style, []);

        private static TomlStringStyle Style(TokenKind kind) => kind switch
        {
            TokenKind.StringLiteral => TomlStringStyle.Literal,
            TokenKind.StringMulti => TomlStringStyle.MultiLineBasic,
            TokenKind.StringLiteralMulti => TomlStringStyle.MultiLineLiteral,
            _ => TomlStringStyle.Basic,
        };

        private int Start(SyntaxNodeBase node) => shift + node.Span.Start.Offset;

        /// <summary>Tomlyn's span ends on its last character; a <see cref="TextSpan"/> ends after it.</summary>
        private int End(SyntaxNodeBase node) => shift + node.Span.End.Offset + 1;

        private sealed class CommentCollector(Reader reader, SourceText source) : SyntaxVisitor
        {
            public override void Visit(SyntaxTrivia trivia)
            {
                if (trivia.Kind != TokenKind.Comment) return;
                var span = TextSpan.FromBounds(reader.Start(trivia), reader.End(trivia));
                reader._comments.Add(new CommentTrivia(source, span, trivia.Text![1..]));
            }
        }
    }

    /// <summary>A key's parts, each canonical: bare when it can be, else a basic string.</summary>
    private static List<string> Parts(KeySyntax key) =>
        [Part(key.Key!), .. key.DotKeys.Select(dotted => Part(dotted.Key!))];

    private static string Part(BareKeyOrStringValueSyntax part)
    {
        string name = part switch
        {
            BareKeySyntax bare => bare.Key!.Text!,
            StringValueSyntax quoted => quoted.Value!,
            _ => throw new InvalidOperationException($"unexpected TOML key {part.Kind}"),
        };
        return BareKeySyntax.IsBareKey(name) ? name : $"\"{TomlEscaping.BasicString(name)}\"";
    }

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + "." + key;

    private static string Index(int index) => $"[{index.ToString(CultureInfo.InvariantCulture)}]";
}
