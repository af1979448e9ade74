using System.Globalization;
using System.Text;

namespace ApimLint.Secrets;

/// <summary>
/// A text as a reader of it sees it, with each character's place in the text shown, so that a credential
/// found in the view is masked where it is written. Views: the text itself; the text with its escapes
/// decoded (.properties and JSON \uXXXX and \:, a .properties line continuation, XML character and entity
/// references), as Java, a JSON parser or an XML parser reads a value or a name; and each side of a unified
/// diff, whose lines a credential spans only on one side.
/// </summary>
internal sealed class TextView
{
    private readonly TextView? _parent;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly bool _joinsLines;

    private TextView(string text, TextView? parent, int[] start, int[] end, bool joinsLines)
    {
        Text = text;
        _parent = parent;
        _start = start;
        _end = end;
        _joinsLines = joinsLines;
    }

    public string Text { get; }

    public static TextView Of(string text) => new(text, null, [], [], false);

    /// <summary>
    /// The views a credential is looked for in: the text as written, then the text decoded or, in a diff
    /// (whose line continuations join lines of one side, not the next line shown), each side and each side decoded.
    /// </summary>
    public static IEnumerable<TextView> All(string text)
    {
        var root = Of(text);
        yield return root;
        var sides = root.DiffSides().ToList();
        foreach (var view in sides.Count > 0 ? sides : [root])
        {
            if (view != root) yield return view;
            if (view.Decoded() is { } decoded) yield return decoded;
        }
    }

    /// <summary>Masks the span [<paramref name="start"/>, <paramref name="end"/>) of this view where the text writes it.</summary>
    public void Mask(int start, int end, SecretRanges ranges)
    {
        if (end <= start) return;
        if (_parent is null)
        {
            ranges.Add(start, end);
            return;
        }
        if (_joinsLines)
        {
            // A diff side's lines are apart in the diff: mask each line's part, never the other side's lines between.
            for (var piece = start; piece < end; )
            {
                var lineEnd = Text.IndexOf('\n', piece, end - piece);
                var pieceEnd = lineEnd < 0 ? end : lineEnd;
                if (pieceEnd > piece) _parent.Mask(_start[piece], _end[pieceEnd - 1], ranges);
                piece = pieceEnd + 1;
            }
            return;
        }
        _parent.Mask(_start[start], _end[end - 1], ranges);
    }

    /// <summary>The old and the new side of a unified diff (context and - lines; context and + lines), marks removed; none unless the text has a hunk.</summary>
    private IEnumerable<TextView> DiffSides()
    {
        if (!Text.StartsWith("@@ -", StringComparison.Ordinal) && !Text.Contains("\n@@ -", StringComparison.Ordinal)) yield break;
        yield return Side('-');
        yield return Side('+');
    }

    private TextView Side(char mark)
    {
        var text = new StringBuilder(Text.Length);
        var (start, end) = (new List<int>(Text.Length), new List<int>(Text.Length));
        for (var line = 0; line < Text.Length; )
        {
            var lineEnd = Text.IndexOf('\n', line);
            if (lineEnd < 0) lineEnd = Text.Length;
            if (Text[line] == ' ' || Text[line] == mark)
            {
                for (var i = line + 1; i < lineEnd; i++) Append(text, start, end, Text[i], i, i + 1);
                Append(text, start, end, '\n', lineEnd, lineEnd);
            }
            line = lineEnd + 1;
        }
        return new TextView(text.ToString(), this, [.. start], [.. end], joinsLines: true);
    }

    /// <summary>The text with its escapes and references decoded, each decoded character spanning what wrote it; null when it has none.</summary>
    private TextView? Decoded()
    {
        if (Text.AsSpan().IndexOfAny('\\', '&') < 0) return null;
        var text = new StringBuilder(Text.Length);
        var (start, end) = (new List<int>(Text.Length), new List<int>(Text.Length));
        for (var i = 0; i < Text.Length; )
        {
            var length = Escape(Text, i, out var decoded);
            if (decoded is { } c) Append(text, start, end, c, i, i + length);
            i += length;
        }
        return new TextView(text.ToString(), this, [.. start], [.. end], joinsLines: false);
    }

    private static void Append(StringBuilder text, List<int> start, List<int> end, char c, int from, int to)
    {
        text.Append(c);
        start.Add(from);
        end.Add(to);
    }

    /// <summary>How many characters the escape (or plain character) at <paramref name="at"/> takes, and the character it stands for (none for a line continuation).</summary>
    private static int Escape(string text, int at, out char? decoded)
    {
        decoded = text[at];
        if (text[at] == '\\' && at + 1 < text.Length)
        {
            if (TextScan.IsLineBreak(text[at + 1])) return Continuation(text, at, out decoded);
            if (text[at + 1] == 'u' && Hex(text, at + 2, 4) is { } unit)
            {
                decoded = unit;
                return 6;
            }
            decoded = text[at + 1];
            return 2;
        }
        if (text[at] == '&') return Reference(text, at, ref decoded);
        return 1;
    }

    /// <summary>A .properties line continuation: backslash, line break, and the next line's leading blanks, all of which Java drops.</summary>
    private static int Continuation(string text, int at, out char? decoded)
    {
        decoded = null;
        var i = at + 1;
        i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
        while (i < text.Length && text[i] is ' ' or '\t' or '\f') i++;
        return i - at;
    }

    /// <summary>An XML character reference (&amp;#119; &amp;#x77;) or predefined entity; a lone &amp; stands for itself.</summary>
    private static int Reference(string text, int at, ref char? decoded)
    {
        var semicolon = text.IndexOf(';', at + 1, Math.Min(10, text.Length - at - 1));
        if (semicolon < 0) return 1;
        var name = text.AsSpan(at + 1, semicolon - at - 1);
        char? value = name switch
        {
            "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'',
            _ when name.StartsWith("#x") || name.StartsWith("#X") => Hex(text, at + 3, name.Length - 2),
            _ when name.StartsWith("#") && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code <= char.MaxValue => (char)code,
            _ => null,
        };
        if (value is null) return 1;
        decoded = value;
        return semicolon + 1 - at;
    }

    private static char? Hex(string text, int at, int length) =>
        length is > 0 and <= 4 && at + length <= text.Length
        && int.TryParse(text.AsSpan(at, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ? (char)code : null;
}
