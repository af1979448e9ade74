namespace ApimLint.Text;

/// <summary>
/// The exact text of one file with its path. Line starts are computed once, lazily, because only
/// writers need line and column; parsers and rules work on offsets.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    public SourceText(string path, string text, SourceEncoding? encoding = null)
    {
        Path = path;
        Text = text;
        Encoding = encoding ?? SourceEncoding.Utf8;
    }

    /// <summary>How the file's bytes were decoded, so that a fix writes it back the same way.</summary>
    public SourceEncoding Encoding { get; }

    /// <summary>The line break the file mostly uses ("\r\n" or "\n"), for text a fix inserts.</summary>
    public string NewLine
    {
        get
        {
            var crlf = 0;
            var lf = 0;
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] != '\n') continue;
                if (i > 0 && Text[i - 1] == '\r') crlf++;
                else lf++;
            }
            return crlf > lf ? "\r\n" : "\n";
        }
    }

    /// <summary>Full path of the file the text was read from.</summary>
    public string Path { get; }

    public string Text { get; }

    public int Length => Text.Length;

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    public LinePosition GetLinePosition(int offset)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = MemoryExtensions.BinarySearch<int, int>(starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line + 1, offset - starts[line] + 1);
    }

    /// <summary>The text of the 1-based line, without its line break.</summary>
    public string GetLineText(int line)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        return Text[start..end].TrimEnd('\r', '\n');
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }
}
