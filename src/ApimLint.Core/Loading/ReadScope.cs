using ApimLint.Reporting.Escaping;

namespace ApimLint.Loading;

/// <summary>
/// One run of apimlint as its input sees it: the bytes it may still read, and where warnings about its input
/// (a configuration file ignored, a damaged cache) go. Ambient per async flow, like the loader's file system,
/// so that every reader of the run, on any thread, charges the same budget.
/// </summary>
public sealed class ReadScope : IDisposable
{
    /// <summary>
    /// The bytes one run reads whole into memory, over all files. A check of two API-M 2.6.0 nodes with nginx.conf,
    /// HTML report included, reads about 0.6 MB (fixtures/example); 64 MB is a hundred times that, yet keeps what a
    /// report of it costs (text, parse trees, HTML excerpts: about 30 times the bytes read) within a few GB.
    /// </summary>
    public const long RunBudgetBytes = 64 * 1024 * 1024;

    private static readonly AsyncLocal<ReadScope?> Current = new();

    private readonly ReadScope? _previous;
    private readonly TextWriter? _warnings;
    private readonly long _budget;
    private long _charged;

    private ReadScope(TextWriter? warnings, long budget)
    {
        (_previous, _warnings, _budget) = (Current.Value, warnings, budget);
        Current.Value = this;
    }

    /// <summary>Starts a run: what is read from here on, in this flow, counts against <paramref name="budget"/> until disposed.</summary>
    public static ReadScope Begin(TextWriter? warnings, long budget = RunBudgetBytes) => new(warnings, budget);

    /// <summary>Counts bytes about to be held; past the budget the run ends with a one-line error naming the file.</summary>
    internal static void Charge(string path, long bytes)
    {
        if (Current.Value is not { } scope) return;
        if (Interlocked.Add(ref scope._charged, bytes) > scope._budget)
            throw new InputException($"{path}: reading it would take apimlint past the {scope._budget / (1024 * 1024)} MB it reads in one run (all files together)");
    }

    /// <summary>One line on the run's error stream (a terminal or a CI log: the message may quote a file name); nowhere when no run is under way (a library caller).</summary>
    public static void Warn(string message)
    {
        if (Current.Value?._warnings is not { } writer) return;
        lock (writer) writer.WriteLine($"apimlint: warning: {TerminalText.Escape(message)}");
    }

    public void Dispose() => Current.Value = _previous;
}
