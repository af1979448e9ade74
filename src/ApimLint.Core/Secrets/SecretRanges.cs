using System.Text;

namespace ApimLint.Secrets;

/// <summary>The spans of a text that hold credentials, and the text with each replaced by the mask.</summary>
internal sealed class SecretRanges
{
    private readonly List<(int Start, int End)> _ranges = [];

    public void Add(int start, int end)
    {
        if (end > start) _ranges.Add((start, end));
    }

    /// <summary>The text with every span masked; a span's line breaks stay, so the masked text keeps the source's line numbers.</summary>
    public string Apply(string text, string mask)
    {
        if (_ranges.Count == 0) return text;
        _ranges.Sort();
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in _ranges)
        {
            if (end <= at) continue;
            var from = Math.Max(start, at);
            result.Append(text, at, from - at).Append(mask);
            AppendLineBreaks(result, text.AsSpan(from, end - from));
            at = end;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    private static void AppendLineBreaks(StringBuilder result, ReadOnlySpan<char> masked)
    {
        for (var i = 0; i < masked.Length; i++)
        {
            if (masked[i] == '\r' && i + 1 < masked.Length && masked[i + 1] == '\n') continue;
            if (masked[i] is '\r' or '\n') result.Append('\n');
        }
    }
}
