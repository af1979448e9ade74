using ApimLint.Diagnostics;

namespace ApimLint.Fixing;

/// <summary>Chooses the fixes of one pass: those allowed by their safety, and never two whose edits overlap.</summary>
public static class FixSelection
{
    public static IReadOnlyList<Diagnostic> Select(IEnumerable<Diagnostic> diagnostics, bool includeUnsafe)
    {
        var chosen = new List<Diagnostic>();
        var taken = new List<TextEdit>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Fix is not { } fix || (fix.Safety == FixSafety.Unsafe && !includeUnsafe)) continue;
            if (fix.Edits.Any(e => taken.Any(t => Overlaps(e, t))) || fix.Creations.Any(c => created.Contains(c.Path))) continue;
            chosen.Add(diagnostic);
            taken.AddRange(fix.Edits);
            created.UnionWith(fix.Creations.Select(c => c.Path));
        }
        return chosen;
    }

    /// <summary>Two edits of one file overlap when their spans intersect, or both insert at the same point.</summary>
    public static bool Overlaps(TextEdit a, TextEdit b) =>
        a.Path == b.Path && (a.Span.Start < b.Span.End && b.Span.Start < a.Span.End || a.Span.Start == b.Span.Start);
}
