using System.Text;
using ApimLint.Text;

namespace ApimLint.Syntax.Xml;

/// <summary>
/// A lossless, non-validating XML 1.0 parser that keeps the exact span of every node. It never
/// expands declared entities and never reads anything but the given text, so entity expansion
/// attacks and external entities cannot happen. It is iterative, so deep nesting cannot overflow
/// the stack; nesting beyond <see cref="MaxDepth"/> is reported as an error.
/// </summary>
public static class XmlParser
{
    public const int MaxDepth = 512;

    public static XmlDocumentSyntax Parse(SourceText source) => ParsedOnce<XmlDocumentSyntax>.Get(source, ParseSource);

    private static XmlDocumentSyntax ParseSource(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Forbidden characters are found in one vectorized pass; a structural error met before the
        // first of them is the one a streaming check would have reported first.
        var invalid = XmlChars.FindInvalidChar(source.Text);
        int offset;
        string message;
        try
        {
            var (children, root) = new Parser(source).ParseDocument();
            if (invalid < 0) return new XmlDocumentSyntax(source, [.. children], root, null);
            (offset, message) = (invalid, InvalidCharMessage(source.Text[invalid]));
        }
        catch (XmlSyntaxException e)
        {
            (offset, message) = invalid >= 0 && invalid <= e.Offset
                ? (invalid, InvalidCharMessage(source.Text[invalid]))
                : (e.Offset, e.Message);
        }
        return new XmlDocumentSyntax(source, [], null, new SyntaxError(source, offset, message));
    }

    private static string InvalidCharMessage(char c) => $"character U+{(int)c:X4} is not allowed in XML";

    private sealed class XmlSyntaxException(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    /// <summary>An element whose end tag has not been reached yet; its children collect in a buffer per depth.</summary>
    private readonly record struct OpenElement(int Start, string Name, TextSpan NameSpan, XmlAttributeSyntax[] Attributes, TextSpan StartTagSpan);

    private sealed class Parser(SourceText source)
    {
        // Plain character sets rather than SearchValues: building those costs more at start-up than a run of apimlint scans.
        private const string TextStops = "<&\r]";

        private readonly string _text = source.Text;
        private readonly List<OpenElement> _open = [];
        // Scratch buffers are reused and copied out at exact size, which keeps garbage low on large files.
        private readonly List<List<XmlNodeSyntax>> _children = [];
        private readonly List<XmlAttributeSyntax> _attributes = [];
        private readonly HashSet<string> _attributeNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _externalEntities = new(StringComparer.Ordinal);
        // Names and whitespace runs repeat throughout a file, so they share one string each.
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private char[] _buffer = new char[256];
        private int _bufferLength;
        private int _pos;

        public (List<XmlNodeSyntax> Children, XmlElementSyntax Root) ParseDocument()
        {
            var children = new List<XmlNodeSyntax>();
            XmlElementSyntax? root = null;
            var seenDoctype = false;
            _pos = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
            var documentStart = _pos;
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _text.Length) break;
                if (StartsWith("<?"))
                {
                    children.Add(ParseProcessingInstruction(_pos == documentStart));
                }
                else if (StartsWith("<!--"))
                {
                    children.Add(ParseComment());
                }
                else if (StartsWith("<!DOCTYPE"))
                {
                    if (root is not null) throw Error(_pos, "DOCTYPE is not allowed after the root element");
                    if (seenDoctype) throw Error(_pos, "only one DOCTYPE is allowed");
                    SkipDoctype();
                    seenDoctype = true;
                }
                else if (StartsWith("</"))
                {
                    throw Error(_pos, "end tag without a matching start tag");
                }
                else if (StartsWith("<!"))
                {
                    throw Error(_pos, "expected a comment or DOCTYPE outside the root element");
                }
                else if (_text[_pos] == '<')
                {
                    if (root is not null) throw Error(_pos, "only one root element is allowed");
                    root = ParseRootElement();
                    children.Add(root);
                }
                else
                {
                    throw Error(_pos, root is null ? "text is not allowed before the root element" : "text is not allowed after the root element");
                }
            }
            if (root is null) throw Error(_pos, "missing root element");
            return (children, root);
        }

        /// <summary>Parses the root and everything inside it with an explicit stack instead of recursion.</summary>
        private XmlElementSyntax ParseRootElement()
        {
            var completed = ParseStartTag();
            while (completed is null)
            {
                var children = _children[_open.Count - 1];
                if (_pos >= _text.Length)
                {
                    var open = _open[^1];
                    throw Error(_pos, $"unexpected end of file: <{open.Name}> opened at {source.GetLinePosition(open.Start)} is not closed");
                }
                if (_text[_pos] != '<')
                {
                    children.Add(ParseText());
                }
                else if (StartsWith("</"))
                {
                    var closed = ParseEndTag();
                    if (_open.Count == 0) completed = closed;
                    else _children[_open.Count - 1].Add(closed);
                }
                else if (StartsWith("<!--"))
                {
                    children.Add(ParseComment());
                }
                else if (StartsWith("<![CDATA["))
                {
                    children.Add(ParseCData());
                }
                else if (StartsWith("<?"))
                {
                    children.Add(ParseProcessingInstruction(atDocumentStart: false));
                }
                else if (StartsWith("<!"))
                {
                    throw Error(_pos, "expected a comment or CDATA section after '<!'");
                }
                else if (ParseStartTag() is { } child)
                {
                    children.Add(child);
                }
            }
            return completed;
        }

        /// <summary>Returns the element when it is self-closing; otherwise pushes it as open and returns null.</summary>
        private XmlElementSyntax? ParseStartTag()
        {
            var start = _pos;
            if (_open.Count >= MaxDepth) throw Error(start, $"elements are nested deeper than {MaxDepth} levels");
            _pos++;
            var nameSpan = ParseName();
            var name = Intern(_text.AsSpan(nameSpan.Start, nameSpan.Length));
            _attributes.Clear();
            _attributeNames.Clear();
            while (true)
            {
                var beforeWhitespace = _pos;
                SkipWhitespace();
                if (_pos >= _text.Length) throw Error(_pos, $"unexpected end of file inside start tag <{name}>");
                var c = _text[_pos];
                if (c == '>')
                {
                    _pos++;
                    _open.Add(new OpenElement(start, name, nameSpan, [.. _attributes], TextSpan.FromBounds(start, _pos)));
                    if (_children.Count < _open.Count) _children.Add([]);
                    return null;
                }
                if (c == '/')
                {
                    var slash = _pos;
                    _pos++;
                    Expect('>');
                    var span = TextSpan.FromBounds(start, _pos);
                    return new XmlElementSyntax(source, span, name, nameSpan, [.. _attributes], [], span, null, new TextSpan(slash, 0));
                }
                if (!IsNameStartAt(_pos)) throw Error(_pos, "expected an attribute name, '>' or '/>'");
                if (_pos == beforeWhitespace) throw Error(_pos, "expected whitespace before the attribute name");
                _attributes.Add(ParseAttribute());
            }
        }

        private XmlAttributeSyntax ParseAttribute()
        {
            var start = _pos;
            var nameSpan = ParseName();
            var name = Intern(_text.AsSpan(nameSpan.Start, nameSpan.Length));
            if (!_attributeNames.Add(name)) throw Error(start, $"duplicate attribute '{name}'");
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] != '=') throw Error(_pos, $"attribute '{name}' has no value");
            Expect('=');
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] is not ('"' or '\''))
                throw Expected($"a quoted value for attribute '{name}'");
            var quote = _text[_pos++];
            var valueStart = _pos;
            var value = ScanAttributeValue(quote);
            var valueSpan = TextSpan.FromBounds(valueStart, _pos);
            _pos++;
            return new XmlAttributeSyntax(source, TextSpan.FromBounds(start, _pos), name, nameSpan, value, valueSpan, quote);
        }

        /// <summary>Decodes up to the closing quote, normalizing literal whitespace to spaces as XML 1.0 section 3.3.3 does.</summary>
        private string ScanAttributeValue(char quote)
        {
            var start = _pos;
            var runStart = _pos;
            var decoded = false;
            _bufferLength = 0;
            while (true)
            {
                var next = IndexOfAttributeStop(_text.AsSpan(_pos), quote);
                if (next < 0) throw Error(_text.Length, "unexpected end of file inside attribute value");
                var p = _pos + next;
                var c = _text[p];
                if (c == quote)
                {
                    _pos = p;
                    if (!decoded) return _text[start..p];
                    Append(_text.AsSpan(runStart, p - runStart));
                    return _buffer.AsSpan(0, _bufferLength).ToString();
                }
                if (c == '<') throw Error(p, "'<' is not allowed in an attribute value");
                decoded = true;
                Append(_text.AsSpan(runStart, p - runStart));
                if (c == '&')
                {
                    _pos = AppendReference(p, out _);
                }
                else
                {
                    Append(' ');
                    _pos = c == '\r' && p + 1 < _text.Length && _text[p + 1] == '\n' ? p + 2 : p + 1;
                }
                runStart = _pos;
            }
        }

        private XmlElementSyntax ParseEndTag()
        {
            var start = _pos;
            _pos += 2;
            var nameSpan = ParseName();
            var open = _open[^1];
            if (!_text.AsSpan(nameSpan.Start, nameSpan.Length).SequenceEqual(open.Name))
            {
                var at = source.GetLinePosition(open.Start);
                throw Error(start, $"end tag </{source[nameSpan]}> does not match <{open.Name}> opened at {at}");
            }
            SkipWhitespace();
            Expect('>');
            _open.RemoveAt(_open.Count - 1);
            var buffer = _children[_open.Count];
            XmlNodeSyntax[] children = [.. buffer];
            buffer.Clear();
            return new XmlElementSyntax(
                source, TextSpan.FromBounds(open.Start, _pos), open.Name, open.NameSpan, open.Attributes, children,
                open.StartTagSpan, TextSpan.FromBounds(start, _pos), TextSpan.FromBounds(open.StartTagSpan.End, start));
        }

        /// <summary>Character data up to the next '&lt;', with references decoded and line breaks normalized.</summary>
        private XmlTextSyntax ParseText()
        {
            var start = _pos;
            var runStart = _pos;
            var decoded = false;
            int first = -1, last = -1;
            _bufferLength = 0;
            while (true)
            {
                var next = _text.AsSpan(_pos).IndexOfAny(TextStops);
                var p = next < 0 ? _text.Length : _pos + next;
                if (p < _text.Length && _text[p] == ']')
                {
                    if (StartsWith("]]>", p)) throw Error(p, "']]>' is not allowed in text");
                    _pos = p + 1;
                    continue;
                }
                TrackNonWhitespace(runStart, p, ref first, ref last);
                if (p >= _text.Length || _text[p] == '<')
                {
                    _pos = p;
                    if (decoded) Append(_text.AsSpan(runStart, p - runStart));
                    var chars = decoded ? _buffer.AsSpan(0, _bufferLength) : _text.AsSpan(start, p - start);
                    if (first < 0) return new XmlTextSyntax(source, TextSpan.FromBounds(start, p), Intern(chars), false, null);
                    return new XmlTextSyntax(source, TextSpan.FromBounds(start, p), chars.ToString(), false, TextSpan.FromBounds(first, last));
                }
                decoded = true;
                Append(_text.AsSpan(runStart, p - runStart));
                if (_text[p] == '&')
                {
                    _pos = AppendReference(p, out var whitespace);
                    if (!whitespace)
                    {
                        if (first < 0) first = p;
                        last = _pos;
                    }
                }
                else
                {
                    // A CR, alone or before LF, is one line break.
                    Append('\n');
                    _pos = p + 1 < _text.Length && _text[p + 1] == '\n' ? p + 2 : p + 1;
                }
                runStart = _pos;
            }
        }

        private XmlTextSyntax ParseCData()
        {
            var start = _pos;
            var contentStart = start + "<![CDATA[".Length;
            var end = _text.IndexOf("]]>", contentStart, StringComparison.Ordinal);
            if (end < 0) throw Error(_text.Length, "unexpected end of file inside CDATA section");
            _pos = end + 3;
            int first = -1, last = -1;
            TrackNonWhitespace(contentStart, end, ref first, ref last);
            TextSpan? trimmed = first < 0 ? null : TextSpan.FromBounds(first, last);
            var value = _text[contentStart..end];
            if (value.Contains('\r')) value = value.Replace("\r\n", "\n").Replace('\r', '\n');
            return new XmlTextSyntax(source, TextSpan.FromBounds(start, _pos), value, true, trimmed);
        }

        /// <summary>Where an attribute value's literal run ends: its quote, markup, or whitespace that normalizes to a space.</summary>
        private static int IndexOfAttributeStop(ReadOnlySpan<char> rest, char quote)
        {
            for (var i = 0; i < rest.Length; i++)
                if (rest[i] == quote || rest[i] is '<' or '&' or '\t' or '\n' or '\r') return i;
            return -1;
        }

        /// <summary>EncName of XML 1.0: a letter, then letters, digits, '.', '_' and '-'.</summary>
        private static bool IsEncodingName(ReadOnlySpan<char> value)
        {
            foreach (var c in value)
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-')) return false;
            return true;
        }

        private void TrackNonWhitespace(int start, int end, ref int first, ref int last)
        {
            var run = _text.AsSpan(start, end - start);
            var i = run.IndexOfAnyExcept(XmlChars.WhitespaceChars);
            if (i < 0) return;
            if (first < 0) first = start + i;
            last = start + run.LastIndexOfAnyExcept(XmlChars.WhitespaceChars) + 1;
        }

        private XmlCommentSyntax ParseComment()
        {
            var start = _pos;
            var contentStart = start + "<!--".Length;
            var dashes = _text.IndexOf("--", contentStart, StringComparison.Ordinal);
            if (dashes < 0 || dashes + 2 >= _text.Length) throw Error(_text.Length, "unexpected end of file inside comment");
            if (_text[dashes + 2] != '>') throw Error(dashes, "'--' is not allowed inside a comment");
            _pos = dashes + 3;
            return new XmlCommentSyntax(source, TextSpan.FromBounds(start, _pos), TextSpan.FromBounds(contentStart, dashes));
        }

        private XmlProcessingInstructionSyntax ParseProcessingInstruction(bool atDocumentStart)
        {
            var start = _pos;
            _pos += 2;
            var targetSpan = ParseName();
            var target = Intern(_text.AsSpan(targetSpan.Start, targetSpan.Length));
            if (target.Equals("xml", StringComparison.OrdinalIgnoreCase))
            {
                if (!(atDocumentStart && target == "xml"))
                    throw Error(start, "the XML declaration is only allowed at the very start of the document");
                ParseXmlDeclarationBody();
            }
            else if (!StartsWith("?>"))
            {
                if (_pos < _text.Length && !XmlChars.IsWhitespace(_text[_pos]))
                    throw Error(_pos, "expected whitespace or '?>' after the processing instruction target");
                var end = _text.IndexOf("?>", _pos, StringComparison.Ordinal);
                if (end < 0) throw Error(_text.Length, "unexpected end of file inside processing instruction");
                _pos = end;
            }
            _pos += 2;
            return new XmlProcessingInstructionSyntax(source, TextSpan.FromBounds(start, _pos), target);
        }

        /// <summary>Checks version, encoding and standalone, in that order, as XML 1.0 section 2.8 requires.</summary>
        private void ParseXmlDeclarationBody()
        {
            string[] names = ["version", "encoding", "standalone"];
            var next = 0;
            while (true)
            {
                var beforeWhitespace = _pos;
                SkipWhitespace();
                if (next > 0 && StartsWith("?>")) break;
                if (_pos == beforeWhitespace) throw Expected(next == 0 ? "whitespace" : "whitespace or '?>'");
                var found = Array.FindIndex(names, next, n => StartsWith(n));
                if (found < 0 || (next == 0 && found != 0))
                    throw Error(_pos, next == 0 ? "expected 'version' in the XML declaration" : "expected 'encoding', 'standalone' or '?>' in the XML declaration");
                _pos += names[found].Length;
                next = found + 1;
                SkipWhitespace();
                Expect('=');
                SkipWhitespace();
                if (_pos >= _text.Length || _text[_pos] is not ('"' or '\''))
                    throw Expected($"a quoted value for '{names[found]}'");
                var valueStart = _pos + 1;
                var valueEnd = _text.IndexOf(_text[_pos], valueStart);
                if (valueEnd < 0) throw Error(_text.Length, "unexpected end of file inside the XML declaration");
                var value = _text.AsSpan(valueStart, valueEnd - valueStart);
                var valid = found switch
                {
                    0 => value.StartsWith("1.") && value.Length > 2 && !value[2..].ContainsAnyExceptInRange('0', '9'),
                    1 => value.Length > 0 && char.IsAsciiLetter(value[0]) && IsEncodingName(value),
                    _ => value is "yes" or "no",
                };
                if (!valid) throw Error(valueStart, $"invalid {names[found]} '{value}' in the XML declaration");
                _pos = valueEnd + 1;
            }
        }

        /// <summary>
        /// Skips a DOCTYPE and its internal subset. Entity declarations are not expanded; only the
        /// names of external general entities are kept, to name the problem when one is referenced.
        /// </summary>
        private void SkipDoctype()
        {
            _pos += "<!DOCTYPE".Length;
            ExpectWhitespace();
            ParseName();
            while (true)
            {
                if (_pos >= _text.Length) throw Error(_pos, "unexpected end of file inside DOCTYPE");
                switch (_text[_pos])
                {
                    case '>':
                        _pos++;
                        return;
                    case '"' or '\'':
                        SkipQuoted();
                        break;
                    case '[':
                        _pos++;
                        SkipInternalSubset();
                        break;
                    default:
                        _pos++;
                        break;
                }
            }
        }

        private void SkipInternalSubset()
        {
            while (true)
            {
                if (_pos >= _text.Length) throw Error(_pos, "unexpected end of file inside DOCTYPE");
                if (_text[_pos] == ']')
                {
                    _pos++;
                    return;
                }
                if (StartsWith("<!--")) ParseComment();
                else if (StartsWith("<?")) ParseProcessingInstruction(atDocumentStart: false);
                else if (StartsWith("<!ENTITY")) SkipEntityDeclaration();
                else if (_text[_pos] is '"' or '\'') SkipQuoted();
                else _pos++;
            }
        }

        private void SkipEntityDeclaration()
        {
            _pos += "<!ENTITY".Length;
            ExpectWhitespace();
            var parameter = _pos < _text.Length && _text[_pos] == '%';
            if (parameter)
            {
                _pos++;
                ExpectWhitespace();
            }
            var name = source[ParseName()];
            SkipWhitespace();
            if (!parameter && (StartsWith("SYSTEM") || StartsWith("PUBLIC"))) _externalEntities.Add(name);
            while (true)
            {
                if (_pos >= _text.Length) throw Error(_pos, "unexpected end of file inside DOCTYPE");
                if (_text[_pos] == '>')
                {
                    _pos++;
                    return;
                }
                if (_text[_pos] is '"' or '\'') SkipQuoted();
                else _pos++;
            }
        }

        private void SkipQuoted()
        {
            var end = _text.IndexOf(_text[_pos], _pos + 1);
            if (end < 0) throw Error(_text.Length, "unexpected end of file inside a quoted literal");
            _pos = end + 1;
        }

        /// <summary>Appends the value of the entity or character reference at <paramref name="amp"/>; returns its end.</summary>
        private int AppendReference(int amp, out bool whitespace)
        {
            var i = amp + 1;
            if (i < _text.Length && _text[i] == '#')
            {
                i++;
                var hex = i < _text.Length && _text[i] == 'x';
                if (hex) i++;
                var digitsStart = i;
                var value = 0;
                int digit;
                while (i < _text.Length && (digit = DigitValue(_text[i], hex)) >= 0)
                {
                    // Capped so that long digit runs cannot overflow; anything above U+10FFFF is invalid anyway.
                    value = Math.Min(value * (hex ? 16 : 10) + digit, 0x110000);
                    i++;
                }
                if (i == digitsStart || i >= _text.Length || _text[i] != ';')
                    throw Error(amp, "malformed character reference (expected '&#digits;' or '&#xhex;')");
                i++;
                if (!XmlChars.IsValidCodePoint(value))
                    throw Error(amp, $"character reference '{_text[amp..i]}' is not a valid XML character");
                Span<char> chars = stackalloc char[2];
                Append(chars[..new Rune(value).EncodeToUtf16(chars)]);
                whitespace = value is ' ' or '\t' or '\r' or '\n';
                return i;
            }
            var nameStart = i;
            if (!IsNameStartAt(i)) throw Error(amp, "unescaped '&' (write &amp; for a literal '&')");
            _pos = i;
            ParseName();
            var nameEnd = _pos;
            if (nameEnd >= _text.Length || _text[nameEnd] != ';') throw Error(amp, "unescaped '&' (write &amp; for a literal '&')");
            var predefined = _text.AsSpan(nameStart, nameEnd - nameStart) switch
            {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => '\0',
            };
            if (predefined != '\0')
            {
                Append(predefined);
                whitespace = false;
                return nameEnd + 1;
            }
            var name = _text[nameStart..nameEnd];
            throw Error(amp, _externalEntities.Contains(name)
                ? $"external entities are not allowed: '&{name};'"
                : $"undefined entity '&{name};'");
        }

        private void Append(char c) => Append(new ReadOnlySpan<char>(in c));

        private void Append(ReadOnlySpan<char> chars)
        {
            if (_bufferLength + chars.Length > _buffer.Length)
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _bufferLength + chars.Length));
            chars.CopyTo(_buffer.AsSpan(_bufferLength));
            _bufferLength += chars.Length;
        }

        private string Intern(ReadOnlySpan<char> chars)
        {
            var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(chars, out var value))
            {
                value = chars.ToString();
                _strings.Add(value, value);
            }
            return value;
        }

        private static int DigitValue(char c, bool hex) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' when hex => c - 'a' + 10,
            >= 'A' and <= 'F' when hex => c - 'A' + 10,
            _ => -1,
        };

        private TextSpan ParseName()
        {
            var start = _pos;
            if (!IsNameStartAt(_pos))
            {
                if (_pos >= _text.Length) throw Error(_pos, "unexpected end of file, expected a name");
                throw Error(_pos, $"invalid name start character {XmlChars.Describe(_text[_pos])}");
            }
            while (_pos < _text.Length)
            {
                if (XmlChars.IsNameChar(_text[_pos])) _pos++;
                else if (XmlChars.IsNameSurrogatePair(_text, _pos)) _pos += 2;
                else break;
            }
            return TextSpan.FromBounds(start, _pos);
        }

        private bool IsNameStartAt(int i) =>
            i < _text.Length && (XmlChars.IsNameStartChar(_text[i]) || XmlChars.IsNameSurrogatePair(_text, i));

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && XmlChars.IsWhitespace(_text[_pos])) _pos++;
        }

        private void ExpectWhitespace()
        {
            if (_pos >= _text.Length || !XmlChars.IsWhitespace(_text[_pos])) throw Expected("whitespace");
            SkipWhitespace();
        }

        private void Expect(char c)
        {
            if (_pos >= _text.Length || _text[_pos] != c) throw Expected($"'{c}'");
            _pos++;
        }

        private XmlSyntaxException Expected(string what) =>
            Error(_pos, _pos >= _text.Length ? $"unexpected end of file, expected {what}" : $"expected {what}");

        private bool StartsWith(string value) => StartsWith(value, _pos);

        private bool StartsWith(string value, int at) => _text.AsSpan(at).StartsWith(value, StringComparison.Ordinal);

        private static XmlSyntaxException Error(int offset, string message) => new(offset, message);
    }
}
