using ApimLint.Engine;
using ApimLint.Fixing;
using ApimLint.Loading;
using ApimLint.Rules;
using ApimLint.Tests.Fixtures;
using CsCheck;

namespace ApimLint.Tests.Properties;

/// <summary>
/// --fix on random valid deployments (a correct one with a random set of the catalogue's fixable
/// slips made in it): a second run changes nothing, every changed file still parses, and nothing
/// outside the region the fixes edit changes.
/// </summary>
public sealed class FixPropertyTests
{
    private static readonly FixtureCase[] Slips = Directory.GetDirectories(TestPaths.Fixture("rules"))
        .Where(d => RuleRegistry.All.Any(r => r.Descriptor.Id == Path.GetFileName(d) && r.Descriptor.Fix is not null))
        .SelectMany(d => Directory.GetDirectories(d, "bad-*")).Order(StringComparer.Ordinal)
        .Select(FixtureCase.Read).Where(c => c.Base == "correct-same-host" && c.Delete.Count == 0 && c.RenameFiles.Count == 0 && c.Args.Count == 0)
        .ToArray();

    [Fact]
    public void Fix_is_idempotent_and_touches_only_what_it_fixes()
    {
        Assert.NotEmpty(Slips);
        var chosen = Gen.Int[0, Slips.Length - 1].Array[1, 6].Select(ix => ix.Distinct().Order().ToArray());
        PropertyBudget.Check(chosen, indexes =>
        {
            using var temp = new TempDirectory();
            var replacements = indexes.SelectMany(i => Slips[i].Replace).ToList();
            FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
            foreach (var added in indexes.SelectMany(i => Slips[i].Add))
            {
                var path = Path.Combine(temp.Path, added.File);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (!File.Exists(path)) File.WriteAllText(path, added.Content);
            }
            foreach (var r in replacements)
            {
                // Slips that touch the same text cannot be combined: keep the first of them.
                var path = Path.Combine(temp.Path, r.File);
                var text = File.ReadAllText(path);
                var at = text.IndexOf(r.Find, StringComparison.Ordinal);
                if (at >= 0 && text.IndexOf(r.Find, at + 1, StringComparison.Ordinal) < 0)
                    File.WriteAllText(path, text[..at] + r.With + text[(at + r.Find.Length)..]);
            }
            var input = DeploymentInput.FromFolder(temp.Path);
            var runner = new FixRunner(files => DeploymentLoader.Load(input, files), RuleRegistry.All, AnalysisOptions.Default);

            var first = runner.Run(includeUnsafe: true);
            foreach (var change in first.Changes.Where(c => !c.IsCreation && first.Passes == 1))
                AssertOnlyEditedRegionChanged(change, first.Applied.SelectMany(d => d.Fix!.Edits).Where(e => e.Path == change.Path).ToList());
            Assert.DoesNotContain(first.Deployment.Files, f => f.Error is not null);
            FileCommitter.Commit(first.Changes);

            var second = runner.Run(includeUnsafe: true);
            Assert.Empty(second.Changes);
        }, indexes => string.Join(", ", indexes.Select(i => Slips[i].Description)));
    }

    /// <summary>The bytes before the first edit and after the last one are as they were.</summary>
    private static void AssertOnlyEditedRegionChanged(FileChange change, IReadOnlyList<ApimLint.Diagnostics.TextEdit> edits)
    {
        Assert.NotEmpty(edits);
        var start = edits.Min(e => e.Span.Start);
        var tail = change.OriginalText.Length - edits.Max(e => e.Span.End);
        Assert.Equal(change.OriginalText[..start], change.NewText[..start]);
        Assert.Equal(change.OriginalText[^tail..], change.NewText[^tail..]);
    }
}
