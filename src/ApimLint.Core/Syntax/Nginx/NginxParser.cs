using System.Text;
using ApimLint.Text;

namespace ApimLint.Syntax.Nginx;

/// <summary>
/// Parses one nginx configuration file the way nginx's own reader (ngx_conf_file.c) tokenizes it:
/// whitespace-separated words, '#' comments at word starts, quotes with backslash escapes, and
/// ';', '{', '}' ending a word. The first error stops the parse, with nginx's wording.
/// </summary>
public static class NginxParser
{
    private const int MaxDepth = 256;

    public static NginxFileSyntax Parse(SourceText source)
    {
        var parser = new Parser(source);
        try
        {
            return new NginxFileSyntax(source, parser.ParseFile(), null);
        }
        catch (NginxSyntaxException e)
        {
            return new NginxFileSyntax(source, [], new SyntaxError(source, e.Offset, e.Message));
        }
    }

    private sealed class NginxSyntaxException(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private enum TokenKind { Word, Semicolon, OpenBrace, CloseBrace, End }

    private readonly record struct Token(TokenKind Kind, TextSpan Span, string Value, bool Quoted);

    private sealed class Parser(SourceText source)
    {
        private readonly string _text = source.Text;
        private int _position = source.Text.Length > 0 && source.Text[0] == '\uFEFF' ? 1 : 0;

        public List<NginxDirectiveSyntax> ParseFile()
        {
            // An explicit stack of open blocks keeps deep nesting from overflowing the call stack.
            var stack = new Stack<(NginxDirectiveSyntax Header, List<NginxDirectiveSyntax> Children, int OpenBrace)>();
            var top = new List<NginxDirectiveSyntax>();
            var current = top;
            while (true)
            {
                var token = Next();
                switch (token.Kind)
                {
                    case TokenKind.End:
                        if (stack.Count > 0) throw new NginxSyntaxException(_text.Length, "unexpected end of file, expecting \"}\"");
                        return top;
                    case TokenKind.CloseBrace:
                        if (stack.Count == 0) throw new NginxSyntaxException(token.Span.Start, "unexpected \"}\"");
                        var (header, children, open) = stack.Pop();
                        current = stack.Count > 0 ? stack.Peek().Children : top;
                        current.Add(header.WithSpan(TextSpan.FromBounds(header.Span.Start, token.Span.End), TextSpan.FromBounds(open, token.Span.End), children));
                        break;
                    case TokenKind.Semicolon:
                        throw new NginxSyntaxException(token.Span.Start, "unexpected \";\"");
                    case TokenKind.OpenBrace:
                        throw new NginxSyntaxException(token.Span.Start, "unexpected \"{\"");
                    default:
                        var (directive, terminator) = ReadDirective(token);
                        if (terminator.Kind == TokenKind.OpenBrace)
                        {
                            if (stack.Count >= MaxDepth) throw new NginxSyntaxException(terminator.Span.Start, $"blocks nested deeper than {MaxDepth}");
                            current = [];
                            stack.Push((directive, current, terminator.Span.Start));
                        }
                        else
                        {
                            current.Add(directive);
                        }
                        break;
                }
            }
        }

        private (NginxDirectiveSyntax Directive, Token Terminator) ReadDirective(Token name)
        {
            var arguments = new List<NginxArgumentSyntax>();
            while (true)
            {
                var token = Next();
                switch (token.Kind)
                {
                    case TokenKind.Word:
                        arguments.Add(new NginxArgumentSyntax(source, token.Span, token.Value, token.Quoted));
                        continue;
                    case TokenKind.Semicolon:
                    case TokenKind.OpenBrace:
                        return (new NginxDirectiveSyntax(source, TextSpan.FromBounds(name.Span.Start, token.Span.End), name.Value, name.Span, arguments), token);
                    case TokenKind.CloseBrace:
                        throw new NginxSyntaxException(token.Span.Start, "unexpected \"}\"");
                    default:
                        throw new NginxSyntaxException(_text.Length, "unexpected end of file, expecting \";\" or \"}\"");
                }
            }
        }

        private Token Next()
        {
            SkipWhitespaceAndComments();
            if (_position >= _text.Length) return new Token(TokenKind.End, new TextSpan(_text.Length, 0), "", false);
            var start = _position;
            var c = _text[_position];
            switch (c)
            {
                case ';': _position++; return new Token(TokenKind.Semicolon, new TextSpan(start, 1), ";", false);
                case '{': _position++; return new Token(TokenKind.OpenBrace, new TextSpan(start, 1), "{", false);
                case '}': _position++; return new Token(TokenKind.CloseBrace, new TextSpan(start, 1), "}", false);
                case '"' or '\'': return ReadQuoted(c);
                default: return ReadWord();
            }
        }

        private void SkipWhitespaceAndComments()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c is ' ' or '\t' or '\r' or '\n') _position++;
                else if (c == '#') while (_position < _text.Length && _text[_position] != '\n') _position++;
                else return;
            }
        }

        private Token ReadQuoted(char quote)
        {
            var start = _position++;
            var value = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length) throw new NginxSyntaxException(_text.Length, "unexpected end of file, expecting \";\" or \"}\"");
                var c = _text[_position];
                if (c == quote)
                {
                    _position++;
                    break;
                }
                if (c == '\\' && _position + 1 < _text.Length)
                {
                    // nginx unescapes only these inside quotes; any other backslash stays as written.
                    var next = _text[_position + 1];
                    char? unescaped = next switch { '"' or '\'' or '\\' => next, 't' => '\t', 'r' => '\r', 'n' => '\n', _ => null };
                    if (unescaped is { } u) value.Append(u);
                    else value.Append(c).Append(next);
                    _position += 2;
                    continue;
                }
                value.Append(c);
                _position++;
            }
            if (_position < _text.Length && _text[_position] is not (' ' or '\t' or '\r' or '\n' or ';' or '{' or '}'))
                throw new NginxSyntaxException(_position, $"unexpected \"{_text[_position]}\"");
            return new Token(TokenKind.Word, TextSpan.FromBounds(start, _position), value.ToString(), true);
        }

        private Token ReadWord()
        {
            var start = _position;
            var value = new StringBuilder();
            var inVariableBrace = false;
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (inVariableBrace)
                {
                    // "${name}" may hold characters that would otherwise end a word, such as '{'.
                    value.Append(c);
                    _position++;
                    if (c == '}') inVariableBrace = false;
                    continue;
                }
                if (c is ' ' or '\t' or '\r' or '\n' or ';' or '{' or '}') break;
                if (c == '$' && _position + 1 < _text.Length && _text[_position + 1] == '{')
                {
                    value.Append("${");
                    _position += 2;
                    inVariableBrace = true;
                    continue;
                }
                if (c == '\\' && _position + 1 < _text.Length)
                {
                    value.Append(_text[_position + 1]);
                    _position += 2;
                    continue;
                }
                value.Append(c);
                _position++;
            }
            return new Token(TokenKind.Word, TextSpan.FromBounds(start, _position), value.ToString(), false);
        }
    }
}
