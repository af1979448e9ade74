using System.Text;
using System.Text.Json;
using ApimLint.Text;

namespace ApimLint.Syntax.Json;

/// <summary>
/// Parses JSON the way WSO2's Jaggery apps accept it (// and /* */ comments, trailing commas) into a
/// tree with spans. System.Text.Json's reader does the tokenizing; this class only maps its byte
/// offsets back to the text's UTF-16 offsets.
/// </summary>
public static class JsonParser
{
    private const int MaxDepth = 256;

    public static JsonDocumentSyntax Parse(SourceText source) => ParsedOnce<JsonDocumentSyntax>.Get(source, ParseSource);

    private static JsonDocumentSyntax ParseSource(SourceText source)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        var offsets = new ByteToCharMap(bytes);
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Allow,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        };
        var reader = new Utf8JsonReader(bytes, options);
        var context = new Context(source, offsets, bytes, []);
        try
        {
            if (!Read(ref reader, context))
                return new JsonDocumentSyntax(source, null, context.Comments, new SyntaxError(source, source.Length, "the file holds no JSON value"));
            var root = ReadValue(ref reader, context);
            if (Read(ref reader, context))
                return new JsonDocumentSyntax(source, null, context.Comments,
                    new SyntaxError(source, offsets.ToChar((int)reader.TokenStartIndex), "unexpected text after the JSON value"));
            return new JsonDocumentSyntax(source, root, context.Comments, null);
        }
        catch (JsonException e)
        {
            var offset = offsets.ToChar(bytes, (int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            var message = reader.TokenType == JsonTokenType.None ? "the file holds no JSON value" : Describe(e);
            return new JsonDocumentSyntax(source, null, context.Comments, new SyntaxError(source, offset, message));
        }
    }

    private sealed record Context(SourceText Source, ByteToCharMap Offsets, byte[] Bytes, List<CommentTrivia> Comments);

    /// <summary>Reads the next token that is not a comment, keeping the comments passed over.</summary>
    private static bool Read(ref Utf8JsonReader reader, Context context)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.Comment) return true;
            var start = (int)reader.TokenStartIndex;
            var block = context.Bytes[start + 1] == (byte)'*';
            var end = start + reader.ValueSpan.Length + (block ? 4 : 2);
            context.Comments.Add(new CommentTrivia(context.Source,
                TextSpan.FromBounds(context.Offsets.ToChar(start), context.Offsets.ToChar(end)), reader.GetComment()));
        }
        return false;
    }

    private static JsonNodeSyntax ReadValue(ref Utf8JsonReader reader, Context context)
    {
        var (source, offsets) = (context.Source, context.Offsets);
        var start = offsets.ToChar((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<JsonPropertySyntax>();
                while (Read(ref reader, context) && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameStart = offsets.ToChar((int)reader.TokenStartIndex);
                    var nameSpan = TextSpan.FromBounds(nameStart, offsets.ToChar((int)reader.TokenStartIndex + reader.ValueSpan.Length + 2));
                    var name = reader.GetString()!;
                    Read(ref reader, context);
                    var value = ReadValue(ref reader, context);
                    properties.Add(new JsonPropertySyntax(source, TextSpan.FromBounds(nameStart, value.Span.End), name, nameSpan, value));
                }
                return new JsonObjectSyntax(source, TextSpan.FromBounds(start, offsets.ToChar((int)reader.TokenStartIndex + 1)), properties);
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<JsonNodeSyntax>();
                while (Read(ref reader, context) && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, context));
                return new JsonArraySyntax(source, TextSpan.FromBounds(start, offsets.ToChar((int)reader.TokenStartIndex + 1)), items);
            }
            case JsonTokenType.String:
            {
                var end = offsets.ToChar((int)reader.TokenStartIndex + reader.ValueSpan.Length + 2);
                return new JsonScalarSyntax(source, TextSpan.FromBounds(start, end), JsonScalarKind.String, reader.GetString()!);
            }
            default:
            {
                var end = offsets.ToChar((int)reader.TokenStartIndex + reader.ValueSpan.Length);
                var kind = reader.TokenType switch
                {
                    JsonTokenType.True => JsonScalarKind.True,
                    JsonTokenType.False => JsonScalarKind.False,
                    JsonTokenType.Null => JsonScalarKind.Null,
                    _ => JsonScalarKind.Number,
                };
                return new JsonScalarSyntax(source, TextSpan.FromBounds(start, end), kind, Encoding.UTF8.GetString(reader.ValueSpan));
            }
        }
    }

    /// <summary>The reader's message without its trailing "LineNumber: … | BytePositionInLine: …" part.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>Maps UTF-8 byte offsets to UTF-16 offsets; the identity for ASCII text.</summary>
    private sealed class ByteToCharMap
    {
        private readonly int[]? _map;

        public ByteToCharMap(byte[] bytes)
        {
            if (Array.TrueForAll(bytes, b => b < 0x80)) return;
            _map = new int[bytes.Length + 1];
            var chars = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                _map[i] = chars;
                var b = bytes[i];
                if ((b & 0xC0) != 0x80) chars += b >= 0xF0 ? 2 : 1;
            }
            _map[bytes.Length] = chars;
        }

        public int ToChar(int byteOffset) => _map is null ? byteOffset : _map[Math.Min(byteOffset, _map.Length - 1)];

        /// <summary>Offset of a 0-based line and byte column, as JsonException reports them.</summary>
        public int ToChar(byte[] bytes, int line, int byteInLine)
        {
            var offset = 0;
            for (var seen = 0; seen < line && offset < bytes.Length; offset++)
                if (bytes[offset] == (byte)'\n') seen++;
            return ToChar(Math.Min(offset + byteInLine, bytes.Length));
        }
    }
}
