using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Input;

public sealed class NginxEventsMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM007", "nginx-events-missing", RuleCategory.Input, Severity.Error,
        "A main nginx.conf (one with an http block) must have an events block at its top level.",
        """
        ## What it does
        Reports a main nginx.conf, one with an `http {}` block, that has no `events {}` block at its top
        level once its includes are expanded. A file without `http {}` is a site file, read as part of
        the http block that includes it, and is not checked. When an include at the top level was not
        read, even of a file nginx packages ship (modules-enabled/*.conf), the events block may be in
        it, and nothing is reported.

        ## Why it matters
        nginx refuses to start without it: `nginx -t` says `no "events" section in configuration`. The
        guide's nginx block, pasted as the whole of nginx.conf, has none.
        (nginx documentation: https://nginx.org/en/docs/ngx_core_module.html#events.)

        ## Example
        ```nginx
        http {
            upstream allnodes { … }
            server { … }
        }
        ```

        ## How to fix
        Add `events {}` at the top level of nginx.conf; its defaults suit a reverse proxy in front of
        two nodes.

        Fix (safe): `apimlint --fix` appends `events {}` at the end of nginx.conf, where nginx accepts it
        as well as at the top, so that no line of the file moves.
        """) { Fix = FixSafety.Safe, Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        if (deployment.Nginx.Config is not { MainLevelIsComplete: true } config) yield break;
        if (!config.Directives.Any(d => d.Name == "http" && d.Block is not null) || config.Directives.Any(d => d.Name == "events")) yield break;
        var source = config.Main.Source;
        var text = source.Text;
        var newline = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
        var fix = Fix.Safe("Append \"events {}\"", new TextEdit(source.Path, new TextSpan(text.Length, 0), newline + "\nevents {}\n"));
        yield return Report(Location.InFile(source, new TextSpan(0, 0)),
            $"no \"events\" section in configuration: nginx refuses to start without one; add \"events {{}}\" at the top level of {Path.GetFileName(source.Path)}",
            $"{deployment.RelativePath(source.Path)}#events") with { Fix = fix };
    }
}
