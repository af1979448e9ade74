using DiffPlex;
using DiffPlex.Chunkers;

namespace ApimLint.Fixing;

/// <summary>
/// The new bytes of a changed file, made from its original bytes: each region where the new text
/// differs from the old is encoded and spliced in; every other byte is copied as it was, never
/// decoded and encoded again, so a stray byte the decoder could not read survives. An edit that
/// would have to rewrite such a byte is refused rather than applied.
/// </summary>
internal static class ByteSplice
{
    public static byte[] Apply(FileChange change)
    {
        var (bytes, encoding) = (change.OriginalBytes!, change.Encoding);
        var boundaries = encoding.CharBoundaries(bytes, change.OriginalText.Length);
        var output = new List<byte>(bytes.Length + 64);
        var copied = 0;
        foreach (var region in WholeCharacters(ChangedRegions(change.OriginalText, change.NewText), boundaries))
        {
            var (start, end) = (boundaries[region.OldStart], boundaries[region.OldEnd]);
            var written = encoding.Encoding.GetBytes(change.OriginalText[region.OldStart..region.OldEnd]);
            if (!written.AsSpan().SequenceEqual(bytes.AsSpan(start, end - start))) throw Undecodable(change);
            output.AddRange(bytes.AsSpan(copied, start - copied));
            output.AddRange(encoding.Encoding.GetBytes(change.NewText[region.NewStart..region.NewEnd]));
            copied = end;
        }
        output.AddRange(bytes.AsSpan(copied));
        var result = output.ToArray();
        if (!DecodesTo(result, change)) throw Undecodable(change);
        return result;
    }

    private record struct Region(int OldStart, int OldEnd, int NewStart, int NewEnd);

    /// <summary>Where the texts differ: the changed lines, each narrowed to the characters that differ.</summary>
    private static IEnumerable<Region> ChangedRegions(string oldText, string newText)
    {
        var prefix = oldText.AsSpan().CommonPrefixLength(newText);
        var suffix = CommonSuffixLength(oldText, newText, prefix);
        var (oldMiddle, newMiddle) = (oldText[prefix..(oldText.Length - suffix)], newText[prefix..(newText.Length - suffix)]);
        if (oldMiddle.Length == 0 && newMiddle.Length == 0) yield break;
        var diff = Differ.Instance.CreateDiffs(oldMiddle, newMiddle, false, false, new LineEndingsPreservingChunker());
        var oldStarts = Starts(diff.PiecesOld);
        var newStarts = Starts(diff.PiecesNew);
        foreach (var block in diff.DiffBlocks)
        {
            var (oldStart, oldEnd) = (oldStarts[block.DeleteStartA], oldStarts[block.DeleteStartA + block.DeleteCountA]);
            var (newStart, newEnd) = (newStarts[block.InsertStartB], newStarts[block.InsertStartB + block.InsertCountB]);
            var same = oldMiddle.AsSpan(oldStart, oldEnd - oldStart).CommonPrefixLength(newMiddle.AsSpan(newStart, newEnd - newStart));
            (oldStart, newStart) = (oldStart + same, newStart + same);
            while (oldEnd > oldStart && newEnd > newStart && oldMiddle[oldEnd - 1] == newMiddle[newEnd - 1]) (oldEnd, newEnd) = (oldEnd - 1, newEnd - 1);
            yield return new Region(prefix + oldStart, prefix + oldEnd, prefix + newStart, prefix + newEnd);
        }
    }

    /// <summary>Widens each region to whole decoded characters (a surrogate pair, a run decoded at once), merging those that meet.</summary>
    private static List<Region> WholeCharacters(IEnumerable<Region> regions, int[] boundaries)
    {
        var widened = new List<Region>();
        foreach (var region in regions)
        {
            var (oldStart, oldEnd) = (region.OldStart, region.OldEnd);
            while (boundaries[oldStart] < 0) oldStart--;
            while (boundaries[oldEnd] < 0) oldEnd++;
            // The characters taken in are the same in both texts: they lie outside every changed region.
            var next = new Region(oldStart, oldEnd, region.NewStart - (region.OldStart - oldStart), region.NewEnd + (oldEnd - region.OldEnd));
            if (widened.Count > 0 && widened[^1].OldEnd >= next.OldStart) widened[^1] = widened[^1] with { OldEnd = next.OldEnd, NewEnd = next.NewEnd };
            else widened.Add(next);
        }
        return widened;
    }

    private static int CommonSuffixLength(string oldText, string newText, int prefix)
    {
        var length = 0;
        while (length < oldText.Length - prefix && length < newText.Length - prefix && oldText[^(length + 1)] == newText[^(length + 1)]) length++;
        return length;
    }

    private static int[] Starts(IReadOnlyList<string> pieces)
    {
        var starts = new int[pieces.Count + 1];
        for (var i = 0; i < pieces.Count; i++) starts[i + 1] = starts[i] + pieces[i].Length;
        return starts;
    }

    /// <summary>Whether the spliced bytes read back as the new text, the check that nothing was encoded lossily.</summary>
    private static bool DecodesTo(byte[] bytes, FileChange change)
    {
        var preamble = change.Encoding.PreambleLength;
        try
        {
            return change.Encoding.Encoding.GetString(bytes, preamble, bytes.Length - preamble) == change.NewText;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    private static FixWriteException Undecodable(FileChange change) =>
        new($"{change.Path}: a fix would rewrite bytes that are not valid {change.Encoding.Encoding.WebName} or text it cannot encode; no file was changed");
}
