using ApimLint.Diagnostics;
using ApimLint.Reporting.Escaping;
using ApimLint.Text;

namespace ApimLint.Reporting;

/// <summary>
/// Compiler-style text: <c>path:line:col: severity ID: message</c> (the message after <c>[*]</c> when a safe fix
/// exists, <c>[~]</c> when an unsafe one does), related locations indented under it, then a summary line and
/// how many findings the fixes resolve. Colour only when asked (a terminal without NO_COLOR). Paths and messages are
/// shown through <see cref="TerminalText"/>: one finding is one line, and no value can style the terminal.
/// </summary>
public sealed class TextReportWriter(string baseDirectory, bool useColor, bool nginxPartlyRead = false)
{
    private const string PartlyRead = " Routing checks cover only the nginx files that were read.";

    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";

    /// <param name="hidden">What the summary says was not reported, e.g. "1 suppressed", "8 in baseline".</param>
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string>? hidden = null)
    {
        foreach (var diagnostic in diagnostics) WriteFinding(output, diagnostic);
        output.WriteLine(Summary(diagnostics, hidden ?? [], nginxPartlyRead));
        if (Fixable(diagnostics) is { } fixable) output.WriteLine(fixable);
    }

    /// <summary>"N fixable with `apimlint --fix` (M more with `--unsafe-fixes`)"; null when no finding has a fix.</summary>
    public static string? Fixable(IReadOnlyList<Diagnostic> diagnostics)
    {
        var safe = diagnostics.Count(d => d.Fix?.Safety == FixSafety.Safe);
        var @unsafe = diagnostics.Count(d => d.Fix?.Safety == FixSafety.Unsafe);
        if (safe + @unsafe == 0) return null;
        return $"{safe} fixable with `apimlint --fix`{(@unsafe > 0 ? $" ({@unsafe} more with `--unsafe-fixes`)" : "")}";
    }

    /// <summary>One finding's line and its related locations' lines under it.</summary>
    public void WriteFinding(TextWriter output, Diagnostic diagnostic)
    {
        output.WriteLine($"{Paint(Bold, Where(diagnostic.Location))}: {Paint(ColorOf(diagnostic.Severity), diagnostic.Severity.Name())} {diagnostic.Rule.Id}: {FixMarker(diagnostic.Fix)}{TerminalText.Escape(diagnostic.Message)}");
        foreach (var related in diagnostic.Related)
            output.WriteLine($"    {Where(related.Location)}: note: {TerminalText.Escape(related.Message)}");
    }

    /// <param name="nginxPartlyRead">Says that the routing checks saw only part of nginx's configuration (<see cref="ReportContext.NginxPartlyRead"/>).</param>
    public static string Summary(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> hiddenCounts, bool nginxPartlyRead = false)
    {
        var hidden = hiddenCounts.Count == 0 ? "" : $" ({string.Join(", ", hiddenCounts)})";
        var partly = nginxPartlyRead ? PartlyRead : "";
        if (diagnostics.Count == 0) return $"No findings{hidden}.{partly}";
        string Count(Severity s, string word)
        {
            var n = diagnostics.Count(d => d.Severity == s);
            return $"{n} {word}{(n == 1 ? "" : "s")}";
        }
        return $"{Count(Severity.Error, "error")}, {Count(Severity.Warning, "warning")}, {Count(Severity.Note, "note")}{hidden}.{partly}";
    }

    private static string FixMarker(Fix? fix) => fix?.Safety switch
    {
        FixSafety.Safe => "[*] ",
        FixSafety.Unsafe => "[~] ",
        _ => "",
    };

    private string Where(Location location)
    {
        var path = TerminalText.LineStart(PathDisplay.Relative(location.Path, baseDirectory));
        return location.Start is { } start ? $"{path}:{start.Line}:{start.Column}" : path;
    }

    private string Paint(string color, string text) => useColor ? color + text + Reset : text;

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => "\e[1;31m",
        Severity.Warning => "\e[1;33m",
        _ => "\e[1;36m",
    };
}
