using System.Text;
using ApimLint.Diagnostics;
using FileCreation = ApimLint.Diagnostics.FileCreation;
using ApimLint.Engine;
using ApimLint.Reporting.Escaping;
using ApimLint.Secrets;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using SarifLocation = Microsoft.CodeAnalysis.Sarif.Location;

namespace ApimLint.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning, built with the SARIF SDK's object model. Deterministic: no
/// timestamps, rules and results in a fixed order, so the same input gives the same bytes.
/// </summary>
public sealed class SarifReportWriter(ReportContext context, string toolVersion)
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        var ruleIndex = context.Rules.Select((r, i) => (r.Descriptor.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var log = new SarifLog
        {
            SchemaUri = new Uri(SchemaUri),
            Version = SarifVersion.Current,
            Runs =
            [
                new Run
                {
                    Tool = new Tool
                    {
                        Driver = new ToolComponent
                        {
                            Name = "apimlint",
                            SemanticVersion = toolVersion,
                            Version = toolVersion,
                            InformationUri = new Uri(ProjectInfo.HomePage),
                            Rules = context.Rules.Select(Describe).ToList(),
                        },
                    },
                    AutomationDetails = new RunAutomationDetails { Id = $"apimlint/{context.DeploymentName}/" },
                    ColumnKind = ColumnKind.Utf16CodeUnits,
                    Results = diagnostics.Select(d => ToResult(d, ruleIndex[d.Rule.Id])).ToList(),
                },
            ],
        };
        var json = JsonConvert.SerializeObject(log, Formatting.Indented);
        output.Write(json.ReplaceLineEndings("\n"));
        output.Write('\n');
    }

    private static ReportingDescriptor Describe(Rule rule)
    {
        var d = rule.Descriptor;
        var descriptor = new ReportingDescriptor
        {
            Id = d.Id,
            Name = ToPascalCase(d.Name),
            ShortDescription = new MultiformatMessageString { Text = d.Summary },
            FullDescription = new MultiformatMessageString { Text = WhatItDoes(d) },
            Help = new MultiformatMessageString
            {
                Text = $"{d.Summary}\n\n{d.Explanation.TrimEnd()}\n\nRun `apimlint explain {d.Id}` for this text; reference: {RuleDocs.HelpUri(d)}",
                Markdown = $"{d.Summary}\n\n{d.Explanation.TrimEnd()}\n\nRun `apimlint explain {d.Id}` for this text, or see the [rule reference]({RuleDocs.HelpUri(d)}).",
            },
            HelpUri = new Uri(RuleDocs.HelpUri(d)),
            DefaultConfiguration = new ReportingConfiguration { Level = Level(d.DefaultSeverity) },
        };
        var tags = new List<string> { RuleDocs.CategoryName(d.Category) };
        if (d.IsSecurity) tags.Add("security");
        descriptor.SetProperty("tags", tags);
        descriptor.SetProperty("precision", "high");
        descriptor.SetProperty("problem.severity", d.DefaultSeverity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "recommendation",
        });
        if (d.IsSecurity) descriptor.SetProperty("security-severity", d.DefaultSeverity == Severity.Error ? "8.0" : "5.0");
        return descriptor;
    }

    private Result ToResult(Diagnostic d, int ruleIndex)
    {
        // Data is escaped so that the only embedded links are apimlint's own, to the related locations.
        var message = new StringBuilder(SarifText.Escape(d.Message.TrimEnd('.'))).Append('.');
        if (d.Related.Count > 0)
            message.Append(" See ").Append(string.Join(", ", d.Related.Select((r, i) => $"[{SarifText.Escape(r.Message)}]({i + 1})"))).Append('.');
        var result = new Result
        {
            RuleId = d.Rule.Id,
            RuleIndex = ruleIndex,
            Level = Level(d.Severity),
            Message = new Message { Text = message.ToString() },
            Locations = [ToLocation(d.Location, null, null)],
            PartialFingerprints = new Dictionary<string, string> { ["primaryLocationLineHash"] = context.Fingerprint(d) + ":1" },
        };
        if (d.Fix is { } fix && ToFix(fix) is { } sarifFix) result.Fixes = [sarifFix];
        if (d.Suppression is { } suppression)
        {
            result.Suppressions =
            [
                new Microsoft.CodeAnalysis.Sarif.Suppression
                {
                    Kind = suppression.Kind == Diagnostics.SuppressionKind.InSource ? Microsoft.CodeAnalysis.Sarif.SuppressionKind.InSource : Microsoft.CodeAnalysis.Sarif.SuppressionKind.External,
                    Status = SuppressionStatus.Accepted,
                    Justification = suppression.Justification,
                    Location = suppression.Location is { } at ? ToLocation(at, null, null) : null,
                },
            ];
        }
        if (d.Related.Count > 0)
            result.RelatedLocations = d.Related.Select((r, i) => ToLocation(r.Location, i + 1, r.Message)).ToList();
        return result;
    }

    /// <summary>
    /// A fix as SARIF artifact changes (character offsets). Files a fix creates by copying another are
    /// left out: their text would carry the credentials of the file they copy. A fix whose own text holds a
    /// credential (a drifting URL with its user:password@, copied from the other node) is left out whole:
    /// SARIF is uploaded, and masked text would be a wrong fix. `--fix` still applies it.
    /// </summary>
    private Microsoft.CodeAnalysis.Sarif.Fix? ToFix(Diagnostics.Fix fix)
    {
        if (fix.Edits.Select(e => e.NewText).Concat(fix.Creations.OfType<FileCreation>().Select(c => c.Content)).Any(HoldsSecret)) return null;
        var changes = fix.Edits.GroupBy(e => e.Path).Select(g => new ArtifactChange
            {
                ArtifactLocation = new ArtifactLocation { Uri = ArtifactUri(g.Key) },
                Replacements = g.OrderBy(e => e.Span.Start).Select(e => new Replacement
                {
                    DeletedRegion = new Region { CharOffset = e.Span.Start, CharLength = e.Span.Length },
                    InsertedContent = new ArtifactContent { Text = e.NewText },
                }).ToList(),
            })
            .Concat(fix.Creations.OfType<FileCreation>().Select(c => new ArtifactChange
            {
                ArtifactLocation = new ArtifactLocation { Uri = ArtifactUri(c.Path) },
                Replacements = [new Replacement { DeletedRegion = new Region { CharOffset = 0, CharLength = 0 }, InsertedContent = new ArtifactContent { Text = c.Content } }],
            }))
            .ToList();
        return changes.Count == 0 ? null : new Microsoft.CodeAnalysis.Sarif.Fix { Description = new Message { Text = fix.Title }, ArtifactChanges = changes };
    }

    private static bool HoldsSecret(string text) => SecretMask.Apply(text) != text;

    private SarifLocation ToLocation(ApimLint.Text.Location location, int? id, string? message)
    {
        var physical = new PhysicalLocation
        {
            ArtifactLocation = new ArtifactLocation { Uri = ArtifactUri(location.Path) },
        };
        if (location.Start is { } start && location.End is { } end)
            physical.Region = new Region { StartLine = start.Line, StartColumn = start.Column, EndLine = end.Line, EndColumn = end.Column };
        var result = new SarifLocation { PhysicalLocation = physical };
        if (id is { } value) result.Id = value;
        if (message is not null) result.Message = new Message { Text = SarifText.Escape(message) };
        return result;
    }

    /// <summary>
    /// Relative to the base folder (the repository, for code scanning); a file outside it keeps its absolute
    /// file URI. Percent-encoded, so that a '#', '?', '%' or space in a file name stays in the path.
    /// </summary>
    private Uri ArtifactUri(string fullPath)
    {
        var relative = context.RelativePath(fullPath);
        if (!relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            return new Uri(UriPath.Encode(relative), UriKind.Relative);
        var absolute = Path.GetFullPath(fullPath).Replace('\\', '/');
        // A Windows drive ("C:/…") keeps its colon, which the encoding would turn into %3A.
        var drive = absolute.Length > 1 && absolute[1] == ':' ? absolute[..2] : "";
        return new Uri($"file://{(drive.Length > 0 ? "/" : "")}{drive}{UriPath.Encode(absolute[drive.Length..])}");
    }

    private static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        Severity.Note => FailureLevel.Note,
        _ => FailureLevel.None,
    };

    /// <summary>The first paragraph of the explanation's "What it does" section.</summary>
    private static string WhatItDoes(RuleDescriptor d)
    {
        var lines = d.Explanation.Split('\n').Select(l => l.Trim()).SkipWhile(l => !l.StartsWith("## What it does", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(l => l.Length == 0).TakeWhile(l => l.Length > 0 && !l.StartsWith('#'));
        var text = string.Join(" ", lines);
        return text.Length > 0 ? text : d.Summary;
    }

    private static string ToPascalCase(string kebab) =>
        string.Concat(kebab.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
