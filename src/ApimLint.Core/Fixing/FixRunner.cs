using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Loading;
using ApimLint.Model;

namespace ApimLint.Fixing;

/// <summary>What a fix run did: the fixes applied, the files they change, and what the last check still finds.</summary>
/// <param name="Passes">How many passes applied fixes; the edits of a later pass are spans of the text the earlier ones left.</param>
public sealed record FixOutcome(IReadOnlyList<Diagnostic> Applied, IReadOnlyList<FileChange> Changes, AnalysisResult Remaining, Deployment Deployment, int Passes);

/// <summary>
/// Applies fixes in memory, pass after pass (check, choose non-overlapping fixes, apply, check
/// again) until nothing more applies, then hands back the changes for writing or showing as a diff.
/// A pass whose edits leave a changed file unparseable stops the run: a fix must never break a file.
/// </summary>
public sealed class FixRunner(Func<IFileSystem, Deployment> load, IReadOnlyList<Rule> rules, AnalysisOptions options)
{
    public const int MaxPasses = 10;

    public FixOutcome Run(bool includeUnsafe)
    {
        var files = new OverlayFileSystem(DiskFileSystem.Instance);
        // The checks of this run read the changed files too (drift reads files the model does not).
        using var reads = ConfigFileLoader.Use(files);
        var applied = new List<Diagnostic>();
        var deployment = load(files);
        var result = Analyzer.Run(deployment, rules, options);
        var passes = 0;
        for (; passes < MaxPasses; passes++)
        {
            var chosen = FixSelection.Select(result.Reported, includeUnsafe);
            if (chosen.Count == 0) break;
            Apply(files, chosen.Select(d => d.Fix!));
            applied.AddRange(chosen);
            deployment = load(files);
            EnsureParseable(deployment, files);
            result = Analyzer.Run(deployment, rules, options);
        }
        var changes = files.Changes.Select(c => c with { Root = RootOf(deployment, c.Path) }).ToList();
        // Fails here, before anything is shown or written, when an edit would touch undecodable bytes.
        foreach (var change in changes) _ = change.NewBytes;
        return new FixOutcome(applied, changes, result, deployment, passes);
    }

    /// <summary>
    /// Stops the run when a changed file no longer parses: as the model read it, or, for a file the model does
    /// not read (drift's copy of a value into any configuration file), parsed here as its name says.
    /// </summary>
    private static void EnsureParseable(Deployment deployment, OverlayFileSystem files)
    {
        var modelFiles = new Dictionary<string, Text.SyntaxError?>(StringComparer.Ordinal);
        foreach (var file in deployment.Files) modelFiles.TryAdd(file.FullPath, file.Error);
        foreach (var change in files.Changes)
        {
            var error = modelFiles.TryGetValue(change.Path, out var modelError) ? modelError
                : Syntax.FileSyntax.Parse(change.Path, files.Read(change.Path))?.Error;
            if (error is not null) throw new FixWriteException($"{change.Path}: a fix made it unparseable ({error.Message}); no file was changed");
        }
    }

    /// <summary>The outermost folder of the deployment that holds the file: the deployment folder, else a node's home or the nginx folder given apart.</summary>
    private static string? RootOf(Deployment deployment, string path) =>
        deployment.NodeFolders.Select(n => n.Home).Prepend(deployment.Root).Append(Path.GetDirectoryName(deployment.Nginx.File.FullPath)!)
            .Where(root => Confinement.IsInside(root, path))
            .MinBy(root => root.Length);

    /// <summary>What one fix alone would change on disk, for a report to show; nothing is written.</summary>
    public static IReadOnlyList<FileChange> Preview(Fix fix)
    {
        var files = new OverlayFileSystem(DiskFileSystem.Instance);
        Apply(files, [fix]);
        return files.Changes;
    }

    private static void Apply(OverlayFileSystem files, IEnumerable<Fix> fixes)
    {
        var list = fixes.ToList();
        foreach (var creation in list.SelectMany(f => f.Creations))
        {
            switch (creation)
            {
                case FileCreation created:
                    files.Write(created.Path, created.Content, Text.SourceEncoding.Utf8);
                    break;
                case FileCopy copy:
                    var source = files.Read(copy.SourcePath);
                    files.Write(copy.Path, TextEditor.Apply(source.Text, copy.Edits, source.NewLine), source.Encoding);
                    break;
            }
        }
        foreach (var group in list.SelectMany(f => f.Edits).GroupBy(e => e.Path))
        {
            var source = files.Read(group.Key);
            files.Write(group.Key, TextEditor.Apply(source.Text, group, source.NewLine), source.Encoding);
        }
    }
}
