using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Tests.Reporting;

/// <summary>Rules whose findings carry what the CI formats must escape, for exact-content tests of those formats.</summary>
internal static class CiReportRules
{
    /// <summary>Markup, quotes, a terminal sequence, a NUL and U+FFFF, which XML 1.0 cannot carry.</summary>
    public const string Hostile = "<b>bold</b> & \"quoted\" 'single' \e[31mred\0 nul \uffff end";

    public static IReadOnlyList<Rule> All => [new HostileNote(), new OldReleaseOnly()];

    /// <summary>A note on the active's carbon.xml (a whole file: no line) and one on nginx's first upstream name.</summary>
    private sealed class HostileNote : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("APIM997", "hostile-note", RuleCategory.Input, Severity.Note, "Reports hostile text.", "");

        public override IEnumerable<Diagnostic> Check(Deployment deployment)
        {
            var carbon = Path.Combine(deployment.Active.Home, "repository", "conf", "carbon.xml");
            var passiveCarbon = Path.Combine(deployment.Passive.Home, "repository", "conf", "carbon.xml");
            yield return Report(Location.WholeFile(carbon), Hostile, "active:carbon.xml",
                new RelatedLocation(Location.WholeFile(passiveCarbon), "passive's <carbon.xml> & more"));
            yield return Report(deployment.Nginx.Upstreams[0].Name.Location, "upstream \"x\" & <y>", "nginx:upstream");
        }
    }

    /// <summary>A rule for API-M 2.0 only, which a 2.6.0 deployment skips.</summary>
    private sealed class OldReleaseOnly : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("APIM998", "old-release-only", RuleCategory.Platform, Severity.Error, "Checks API-M 2.0.", "")
        {
            Versions = new VersionRange(new(2, 0, 0), new(2, 0, 0)),
        };

        public override IEnumerable<Diagnostic> Check(Deployment deployment) => [];
    }
}
