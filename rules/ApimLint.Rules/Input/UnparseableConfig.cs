using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Input;

public sealed class UnparseableConfig : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM001", "unparseable-config", RuleCategory.Input, Severity.Error,
        "Every configuration file apimlint reads must parse.",
        """
        ## What it does
        Reports a configuration file (XML, nginx.conf, site.json, .properties, SQL) that does not parse,
        at the position where its parser stopped.

        ## Why it matters
        API Manager refuses to start on a malformed XML file, nginx refuses a malformed nginx.conf, and a
        Jaggery app with a broken site.json fails to deploy. apimlint also cannot check what it cannot
        read: the rules that need this file are silent for it, while every other file is still checked.

        ## Example
        ```xml
        <parameter name="localMemberPort">4000</parameter
        ```

        ## How to fix
        Correct the syntax at the reported position. site.json may keep its `//` comments and trailing
        commas: Jaggery accepts them and so does apimlint.
        """) { Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
        deployment.Files.Where(f => f.Error is not null).Select(f =>
            Report(Location.InFile(f.Error!.Source, new TextSpan(f.Error.Offset, 0)),
                $"{Path.GetFileName(f.FullPath)} does not parse: {f.Error.Message}",
                $"{deployment.RelativePath(f.FullPath)}#syntax"));
}
