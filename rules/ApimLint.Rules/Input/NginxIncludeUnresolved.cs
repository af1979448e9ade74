using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Input;

public sealed class NginxIncludeUnresolved : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM005", "nginx-include-unresolved", RuleCategory.Input, Severity.Error,
        "Every nginx include must stay inside the deployment folder and name files, without cycles.",
        """
        ## What it does
        Reports an `include` in nginx.conf (or a file it includes) that reaches outside the deployment
        folder through `..` or a symbolic link, names a folder or a device, includes a file that is
        already being included (a cycle), or nests includes or files beyond apimlint's bounds. An
        include whose files are simply not in the folder is APIM006, a note.

        ## Why it matters
        nginx refuses a folder where a file is expected and loops on a cycle until it gives up.
        apimlint reads only what lies inside the deployment folder, so that a configuration under
        review cannot make it read other files of the machine: an include that climbs out of the
        folder is not followed, and the rules cannot check what it would bring in.

        ## Example
        ```nginx
        include ../../../etc/nginx/conf.d/*.conf;   # climbs out of the deployment folder
        include sites;                              # a folder
        ```

        ## How to fix
        Keep the included files in the deployment folder beside nginx.conf and name them relative to
        it (or by their absolute path under nginx's prefix, /etc/nginx/…); remove an include that
        reaches back to a file that includes it.
        """) { Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
        deployment.Nginx.Config?.Problems.Select(p => Report(p.Include.Location, p.Message,
            $"{deployment.RelativePath(p.Include.Source.Path)}#include:{string.Join(" ", p.Include.Arguments.Select(a => a.Value))}")) ?? [];
}
