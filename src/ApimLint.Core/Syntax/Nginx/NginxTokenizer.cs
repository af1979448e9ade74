using System.Text;
using ApimLint.Text;

namespace ApimLint.Syntax.Nginx;

internal enum NginxStatementKind
{
    /// <summary>Words ended by ';'.</summary>
    Directive,

    /// <summary>Words ended by '{'.</summary>
    BlockStart,

    /// <summary>A '}' with no words before it.</summary>
    BlockEnd,

    EndOfFile,
    Error,
}

/// <summary>
/// One result of <see cref="NginxTokenizer.Next"/>: what nginx's ngx_conf_read_token returns.
/// <see cref="Offset"/> is the terminator's offset (';', '{', '}'), the end of the text, or where the error is.
/// </summary>
internal readonly record struct NginxStatement(NginxStatementKind Kind, IReadOnlyList<NginxArgumentSyntax> Words, int Offset, string? Message);

/// <summary>
/// Splits a file into statements as ngx_conf_read_token does, state for state, so that a file reads here as nginx
/// reads it, and a file nginx's reader rejects fails here at the same place with the same message.
/// </summary>
internal sealed class NginxTokenizer
{
    /// <summary>NGX_CONF_BUFFER: nginx reads a file through a buffer this size, and a token must fit in it.</summary>
    private const int BufferSize = 4096;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly int _codePage;
    private readonly long _fileSize;
    private readonly List<NginxArgumentSyntax> _words = [];
    private int _index;

    // The file byte offset of _index: nginx counts bytes, the text counts UTF-16 units.
    private long _position;

    // Where nginx's buffer ends, in file bytes: a token still open when a refill finds it filling the whole
    // buffer is nginx's "too long parameter" error. Only the bytes matter, so the file's encoding is used.
    private long _bufferEnd;

    public NginxTokenizer(SourceText source)
    {
        _source = source;
        _text = source.Text;
        _codePage = source.Encoding.Encoding.CodePage;
        _position = source.Encoding.HasByteOrderMark ? source.Encoding.Encoding.GetPreamble().Length : 0;
        _fileSize = _position + ByteCount(0, _text.Length);
        _bufferEnd = Math.Min(_fileSize, BufferSize);
    }

    /// <summary>The comments passed over so far, in order; inline suppressions are read from them.</summary>
    public List<CommentTrivia> Comments { get; } = [];

    public NginxStatement Next()
    {
        _words.Clear();
        var needSpace = false;
        var lastSpace = true;
        var sharpComment = false;
        var variable = false;
        var quoted = false;
        var singleQuoted = false;
        var doubleQuoted = false;
        var wordQuoted = false;

        // nginx's "start": the first character of the word being read (after its opening quote).
        var start = _index;
        var startPosition = _position;

        while (true)
        {
            while (_bufferEnd < _fileSize && _bufferEnd <= _position)
            {
                if (_bufferEnd - startPosition == BufferSize) return TooLong(start, doubleQuoted, singleQuoted);
                _bufferEnd = Math.Min(_fileSize, startPosition + BufferSize);
            }

            if (_index >= _text.Length)
            {
                return _words.Count > 0 || !lastSpace
                    ? Error(_text.Length, "unexpected end of file, expecting \";\" or \"}\"")
                    : new NginxStatement(NginxStatementKind.EndOfFile, [], _text.Length, null);
            }

            var i = _index++;
            var ch = _text[i];
            var position = _position;
            _position += ByteCount(i, 1);

            // The line feed that ends a comment is still whitespace below.
            if (ch == '\n') sharpComment = false;
            if (sharpComment) continue;

            if (quoted)
            {
                quoted = false;
                continue;
            }

            if (needSpace)
            {
                if (IsSpace(ch))
                {
                    lastSpace = true;
                    needSpace = false;
                    continue;
                }
                if (ch == ';') return Statement(NginxStatementKind.Directive, i);
                if (ch == '{') return Statement(NginxStatementKind.BlockStart, i);

                // nginx lets ')' follow a closing quote, for if ($a = "b"); it then starts the next word.
                if (ch != ')') return Error(i, $"unexpected \"{CharAt(i)}\"");
                lastSpace = true;
                needSpace = false;
            }

            if (lastSpace)
            {
                start = i;
                startPosition = position;
                if (IsSpace(ch)) continue;
                switch (ch)
                {
                    case ';' or '{':
                        if (_words.Count == 0) return Error(i, $"unexpected \"{ch}\"");
                        return Statement(ch == ';' ? NginxStatementKind.Directive : NginxStatementKind.BlockStart, i);
                    case '}':
                        if (_words.Count != 0) return Error(i, "unexpected \"}\"");
                        return new NginxStatement(NginxStatementKind.BlockEnd, [], i, null);
                    case '#':
                        sharpComment = true;
                        var end = i;
                        while (end < _text.Length && _text[end] is not ('\n' or '\r')) end++;
                        Comments.Add(new CommentTrivia(_source, TextSpan.FromBounds(i, end), _text[(i + 1)..end]));
                        continue;
                    case '\\':
                        quoted = true;
                        break;
                    case '"':
                        start++;
                        startPosition = _position;
                        doubleQuoted = true;
                        break;
                    case '\'':
                        start++;
                        startPosition = _position;
                        singleQuoted = true;
                        break;
                    case '$':
                        variable = true;
                        break;
                }
                wordQuoted = doubleQuoted || singleQuoted;
                lastSpace = false;
                continue;
            }

            // "${name}": a '{' right after '$' belongs to the word and opens no block.
            if (ch == '{' && variable) continue;
            variable = false;

            if (ch == '\\')
            {
                quoted = true;
                continue;
            }
            if (ch == '$')
            {
                variable = true;
                continue;
            }

            var found = false;
            if (doubleQuoted)
            {
                if (ch == '"')
                {
                    doubleQuoted = false;
                    needSpace = true;
                    found = true;
                }
            }
            else if (singleQuoted)
            {
                if (ch == '\'')
                {
                    singleQuoted = false;
                    needSpace = true;
                    found = true;
                }
            }
            else if (IsSpace(ch) || ch == ';' || ch == '{')
            {
                // Unlike ';' and '{', a '}' does not end a word: "a}" is one word, as in nginx.
                lastSpace = true;
                found = true;
            }

            if (found)
            {
                var span = wordQuoted ? TextSpan.FromBounds(start - 1, i + 1) : TextSpan.FromBounds(start, i);
                _words.Add(new NginxArgumentSyntax(_source, span, Unescape(start, i), wordQuoted));
                if (ch == ';') return Statement(NginxStatementKind.Directive, i);
                if (ch == '{') return Statement(NginxStatementKind.BlockStart, i);
            }
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private NginxStatement Statement(NginxStatementKind kind, int terminator) => new(kind, _words.ToArray(), terminator, null);

    private static NginxStatement Error(int offset, string message) => new(NginxStatementKind.Error, [], offset, message);

    private NginxStatement TooLong(int start, bool doubleQuoted, bool singleQuoted)
    {
        if (doubleQuoted || singleQuoted)
        {
            var quote = doubleQuoted ? '"' : '\'';
            return Error(start - 1, $"too long parameter, probably missing terminating \"{quote}\" character");
        }
        // nginx shows the first 10 bytes of the word; a character cut short there shows as U+FFFD.
        var end = start;
        var bytes = 0L;
        while (end < _text.Length && bytes + ByteCount(end, 1) <= 10) bytes += ByteCount(end++, 1);
        if (end > start && char.IsHighSurrogate(_text[end - 1])) bytes -= ByteCount(--end, 1);
        var cut = end < _text.Length && bytes < 10 ? "\uFFFD" : "";
        return Error(start, $"too long parameter \"{_text[start..end]}{cut}...\" started");
    }

    /// <summary>The character at an offset for a message, a surrogate pair whole.</summary>
    private string CharAt(int i) =>
        char.IsHighSurrogate(_text[i]) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]) ? _text.Substring(i, 2) : _text[i].ToString();

    /// <summary>
    /// nginx's unescaping, the same in and out of quotes: \" \' \\ lose the backslash, \t \r \n become the
    /// control character, and any other backslash stays.
    /// </summary>
    private string Unescape(int start, int end)
    {
        var backslash = _text.IndexOf('\\', start, end - start);
        if (backslash < 0) return _text[start..end];
        var value = new StringBuilder(end - start);
        value.Append(_text, start, backslash - start);
        for (var k = backslash; k < end;)
        {
            var c = _text[k];
            if (c == '\\' && k + 1 < end)
            {
                switch (_text[k + 1])
                {
                    case '"' or '\'' or '\\':
                        k++;
                        c = _text[k];
                        break;
                    case 't':
                        value.Append('\t');
                        k += 2;
                        continue;
                    case 'r':
                        value.Append('\r');
                        k += 2;
                        continue;
                    case 'n':
                        value.Append('\n');
                        k += 2;
                        continue;
                }
            }
            value.Append(c);
            k++;
        }
        return value.ToString();
    }

    /// <summary>How many bytes the characters take in the file's encoding.</summary>
    private long ByteCount(int start, int length)
    {
        var count = 0L;
        for (var i = start; i < start + length; i++)
        {
            count += _codePage switch
            {
                1200 or 1201 => 2,
                12000 or 12001 => char.IsSurrogate(_text[i]) ? 2 : 4,
                65001 => Utf8Width(_text[i]),
                _ => 1,
            };
        }
        return count;
    }

    // A surrogate pair is 4 bytes in UTF-8, counted as 2 for each half.
    private static int Utf8Width(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
}
