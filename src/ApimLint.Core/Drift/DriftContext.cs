using System.Runtime.CompilerServices;
using ApimLint.Model;

namespace ApimLint.Drift;

/// <summary>
/// The drift settings and cache of the run under way, for the drift rules, which see only the
/// deployment. Ambient (per async flow), like the loader's file system, so that a fix run's repeated
/// checks use them too. Each deployment is compared once, however many rules ask.
/// </summary>
public static class DriftContext
{
    private static readonly AsyncLocal<Run?> Current = new();
    // Lazy: the drift rules run side by side and ask at once; the comparison (and its cache file) must run once.
    private static readonly ConditionalWeakTable<Deployment, Lazy<DriftReport>> Reports = new();

    /// <summary>The settings and cache of one run, and its last comparison, which the next check of a fix run takes over where nothing changed.</summary>
    private sealed class Run(DriftSettings settings, DriftCache? cache)
    {
        public DriftSettings Settings { get; } = settings;
        public DriftCache? Cache { get; } = cache;
        public DriftReport? Last { get; set; }
    }

    /// <summary>Makes this flow's drift rules use <paramref name="settings"/> and <paramref name="cache"/> until disposed.</summary>
    public static IDisposable Use(DriftSettings settings, DriftCache? cache)
    {
        var previous = Current.Value;
        Current.Value = new Run(settings, cache);
        return new Restore(() => Current.Value = previous);
    }

    /// <summary>The drift settings of the run under way (apimlint.json's "drift" and the command line's), or none.</summary>
    public static DriftSettings Settings => Current.Value?.Settings ?? DriftSettings.None;

    /// <summary>Starts comparing the deployment's nodes in the background, for the drift rules to come; they wait for it if they must.</summary>
    public static void Begin(Deployment deployment) => _ = Task.Run(() => ReportFor(deployment));

    public static DriftReport ReportFor(Deployment deployment)
    {
        var run = Current.Value;
        return Reports.GetValue(deployment, d => new Lazy<DriftReport>(() =>
        {
            var report = DriftAnalysis.Run(d, run?.Settings ?? DriftSettings.None, run?.Cache, run?.Last);
            if (run is not null) run.Last = report;
            return report;
        })).Value;
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
