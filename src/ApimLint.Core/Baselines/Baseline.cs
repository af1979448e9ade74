using System.Globalization;
using System.Text;
using ApimLint.Diagnostics;
using ApimLint.Reporting;

namespace ApimLint.Baselines;

/// <summary>One accepted finding: its fingerprint and rule, and, for the reader, where it was and what it said.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Where, string Message);

/// <summary>What a baseline did to a run: the findings it accepted and the entries that no longer occur.</summary>
public sealed record BaselineOutcome(IReadOnlyList<Diagnostic> New, IReadOnlyList<Diagnostic> Accepted, IReadOnlyList<BaselineEntry> Stale);

/// <summary>
/// The findings a team accepted when it adopted the gate, keyed by the same fingerprint SARIF uses
/// (rule, logical key, node pair), so moved lines and reformatting do not break the match. The file
/// is sorted, stable text, one finding a line, reviewable in a pull request.
/// </summary>
public sealed class Baseline(IReadOnlyList<BaselineEntry> entries)
{
    private const string Header =
        "# apimlint baseline: findings accepted when the gate was adopted; `apimlint check --baseline FILE` reports only others.\n" +
        "# Regenerate with `apimlint baseline write FILE` to prune entries that no longer occur. Columns: fingerprint, rule, where, message.\n";

    public IReadOnlyList<BaselineEntry> Entries { get; } = entries;

    public static Baseline From(IEnumerable<Diagnostic> diagnostics, ReportContext context) =>
        new(diagnostics.Select(d => new BaselineEntry(context.Fingerprint(d), d.Rule.Id, Where(d, context), d.Message))
            .OrderBy(e => e.Where, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList());

    /// <summary>
    /// The file's text. Every value is escaped (<see cref="Escape"/>), so that an entry is exactly one line of plain
    /// data whatever the file names and messages of a deployment hold (a newline in a file name included).
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder(Header);
        foreach (var e in Entries)
            text.Append($"{Escape(e.Fingerprint)}  {Escape(e.RuleId)}  {Escape(e.Where)}  {Escape(e.Message.ReplaceLineEndings(" "))}\n");
        return text.ToString();
    }

    /// <summary>Reads a baseline file: a regular file, bounded, as every input is; a malformed line is a <see cref="FormatException"/>.</summary>
    public static Baseline Load(string path) => Parse(Loading.SourceReader.Read(path).Text, path);

    /// <summary>Entries as written, their where and message still escaped: they are only ever shown, and so stay plain text.</summary>
    public static Baseline Parse(string text, string path)
    {
        var entries = new List<BaselineEntry>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.TrimEnd('\r').Split("  ", 4);
            if (parts.Length < 2 || !IsFingerprint(parts[0]) || !IsRuleId(parts[1]) || parts.Skip(2).Any(p => p.Any(NeedsEscape)))
                throw new FormatException($"{path}:{lineNumber}: not a baseline entry (expected: fingerprint, two spaces, rule ID, …)");
            entries.Add(new BaselineEntry(parts[0], parts[1], parts.ElementAtOrDefault(2) ?? "", parts.ElementAtOrDefault(3) ?? ""));
        }
        return new Baseline(entries);
    }

    /// <summary>
    /// A value as one line of plain text: a backslash, control and format characters (bidirectional overrides
    /// among them), line separators and a space next to the two-space column separator become \\ and \uXXXX.
    /// </summary>
    internal static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var separatorSpace = c == ' ' && (i + 1 == value.Length || value[i + 1] == ' ' || i == 0);
            if (c == '\\') text.Append(@"\\");
            else if (NeedsEscape(c) || separatorSpace) text.Append($"\\u{(int)c:X4}");
            else text.Append(c);
        }
        return text.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool IsFingerprint(string value) => value.Length == 16 && value.All(char.IsAsciiHexDigit);

    private static bool IsRuleId(string value) => value.Length == 7 && value.StartsWith("APIM", StringComparison.Ordinal) && value[4..].All(char.IsAsciiDigit);

    /// <summary>Each entry accepts one finding with its fingerprint; what is left over is new, and unmatched entries are stale.</summary>
    public BaselineOutcome Apply(IReadOnlyList<Diagnostic> diagnostics, ReportContext context, string file)
    {
        var open = Entries.GroupBy(e => e.Fingerprint).ToDictionary(g => g.Key, g => new Queue<BaselineEntry>(g));
        var fresh = new List<Diagnostic>();
        var accepted = new List<Diagnostic>();
        foreach (var d in diagnostics)
        {
            if (open.TryGetValue(context.Fingerprint(d), out var queue) && queue.Count > 0)
            {
                queue.Dequeue();
                accepted.Add(d with { Suppression = new Suppression(SuppressionKind.External, $"accepted in the baseline {file}", null) });
            }
            else
            {
                fresh.Add(d);
            }
        }
        return new BaselineOutcome(fresh, accepted, open.Values.SelectMany(q => q).OrderBy(e => e.Where, StringComparer.Ordinal).ToList());
    }

    private static string Where(Diagnostic d, ReportContext context) => PathDisplay.Relative(d.Location.Path, context.DeploymentRoot);
}
