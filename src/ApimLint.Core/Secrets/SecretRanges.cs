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

    /// <summary>Masks, where <paramref name="view"/>'s text writes them, the spans found in that view.</summary>
    public void AddFrom(SecretRanges found, TextView view)
    {
        foreach (var (start, end) in found._ranges) view.Mask(start, end, this);
    }

    /// <summary>The text with every span masked; a span's line breaks stay, so the masked text keeps the source's line numbers.</summary>
    public string Apply(string text, string mask)
    {
        if (_ranges.Count == 0) return text;
        _ranges.Sort();
        var result = new StringBuilder(text.Length);
        var at = 0;
        var masked = false;
        foreach (var (start, end) in _ranges)
        {
            if (end <= at) continue;
            // A span that overlaps or touches the one before continues its mask (two scanners can find one value).
            if (!masked || start > at) result.Append(text, at, Math.Max(start, at) - at).Append(mask);
            var from = Math.Max(start, at);
            AppendLineBreaks(result, text.AsSpan(from, end - from));
            at = end;
            masked = true;
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
