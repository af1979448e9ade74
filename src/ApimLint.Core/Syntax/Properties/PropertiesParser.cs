using System.Globalization;
using System.Text;
using ApimLint.Text;

namespace ApimLint.Syntax.Properties;

/// <summary>Parses the java.util.Properties text format (as WSO2's jndi files use it) with spans.</summary>
public static class PropertiesParser
{
    public static PropertiesFileSyntax Parse(SourceText source) => ParsedOnce<PropertiesFileSyntax>.Get(source, ParseSource);

    private static PropertiesFileSyntax ParseSource(SourceText source)
    {
        var text = source.Text;
        var entries = new List<PropertyEntrySyntax>();
        var comments = new List<CommentTrivia>();
        if (text.IndexOf('\0') is var nul and >= 0)
            return new PropertiesFileSyntax(source, [], [], new SyntaxError(source, nul, "binary content (a NUL byte) where a .properties file is expected"));
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (i < text.Length)
        {
            i = SkipWhitespace(text, i, includingLineBreaks: true);
            if (i >= text.Length) break;
            if (text[i] is '#' or '!')
            {
                var end = EndOfPhysicalLine(text, i);
                comments.Add(new CommentTrivia(source, TextSpan.FromBounds(i, end), text[(i + 1)..end]));
                i = end;
                continue;
            }
            var entryStart = i;
            var key = new StringBuilder();
            var keyEnd = ReadPart(text, i, key, null, stopAtSeparator: true, out var error);
            if (error is { } keyError) return new PropertiesFileSyntax(source, entries, comments, new SyntaxError(source, keyError, "malformed \\uXXXX escape"));
            var keySpan = TextSpan.FromBounds(entryStart, keyEnd);
            i = SkipWhitespace(text, keyEnd, includingLineBreaks: false);
            if (i < text.Length && text[i] is '=' or ':') i = SkipWhitespace(text, i + 1, includingLineBreaks: false);
            var valueStart = i;
            var value = new StringBuilder();
            var valueEnd = ReadPart(text, i, value, null, stopAtSeparator: false, out error);
            if (error is { } valueError) return new PropertiesFileSyntax(source, entries, comments, new SyntaxError(source, valueError, "malformed \\uXXXX escape"));
            entries.Add(new PropertyEntrySyntax(source, TextSpan.FromBounds(entryStart, valueEnd), key.ToString(), keySpan,
                value.ToString(), TextSpan.FromBounds(valueStart, valueEnd)));
            i = valueEnd;
        }
        return new PropertiesFileSyntax(source, entries, comments, null);
    }

    /// <summary>
    /// Where each character of the entry's decoded value is written in the source: element k is the
    /// offset of the escape or character that gives value character k; the last element is the end of
    /// the value. Text between two of them is only ever a line continuation.
    /// </summary>
    public static int[] ValueOffsets(PropertyEntrySyntax entry)
    {
        var offsets = new List<int>(entry.Value.Length + 1);
        var end = ReadPart(entry.Source.Text, entry.ValueSpan.Start, new StringBuilder(), offsets, stopAtSeparator: false, out _);
        offsets.Add(end);
        return offsets.ToArray();
    }

    /// <summary>Reads a key or a value, decoding escapes and joining continuation lines; returns where it ends.</summary>
    /// <param name="offsets">When given, receives the source offset each decoded character comes from.</param>
    private static int ReadPart(string text, int i, StringBuilder into, List<int>? offsets, bool stopAtSeparator, out int? error)
    {
        error = null;
        var end = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\r' or '\n') break;
            if (stopAtSeparator && c is '=' or ':' or ' ' or '\t' or '\f') break;
            if (c != '\\')
            {
                offsets?.Add(i);
                into.Append(c);
                end = ++i;
                continue;
            }
            if (i + 1 >= text.Length)
            {
                // A lone backslash at the end of the text gives no character.
                end = ++i;
                break;
            }
            var next = text[i + 1];
            if (next is '\r' or '\n')
            {
                // A continuation: the next line's leading whitespace is not part of the value.
                i += next == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 3 : 2;
                i = SkipWhitespace(text, i, includingLineBreaks: false);
                end = i;
                continue;
            }
            if (next == 'u')
            {
                if (i + 6 > text.Length || !int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    error = i;
                    return i;
                }
                offsets?.Add(i);
                into.Append((char)code);
                end = i += 6;
                continue;
            }
            offsets?.Add(i);
            into.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => next });
            end = i += 2;
        }
        return end;
    }

    private static int SkipWhitespace(string text, int i, bool includingLineBreaks)
    {
        while (i < text.Length && (text[i] is ' ' or '\t' or '\f' || (includingLineBreaks && text[i] is '\r' or '\n'))) i++;
        return i;
    }

    private static int EndOfPhysicalLine(string text, int i)
    {
        while (i < text.Length && text[i] is not ('\r' or '\n')) i++;
        return i;
    }
}
