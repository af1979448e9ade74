namespace ApimLint.Text;

/// <summary>Levenshtein distance, for "did you mean" suggestions.</summary>
public static class EditDistance
{
    public static int Between(string a, string b, bool ignoreCase = false)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = ignoreCase ? char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) : a[i - 1] == b[j - 1];
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }

    /// <summary>The candidate closest to <paramref name="word"/> (ignoring case), or null when none is within <paramref name="maxDistance"/>.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates, int maxDistance)
    {
        var closest = candidates.Select(c => (Candidate: c, Distance: Between(c, word, ignoreCase: true))).MinBy(c => c.Distance);
        return closest.Candidate is not null && closest.Distance <= maxDistance ? closest.Candidate : null;
    }
}
