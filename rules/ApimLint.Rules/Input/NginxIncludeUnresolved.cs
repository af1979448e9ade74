using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Input;

public sealed class NginxIncludeUnresolved : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM005", "nginx-include-unresolved", RuleCategory.Input, Severity.Error,
        "Every nginx include must name files inside the deployment folder, without cycles.",
        """
        ## What it does
        Reports an `include` in nginx.conf (or a file it includes) that names no file, names a folder,
        reaches outside the deployment folder, includes a file that is already being included (a
        cycle), or nests includes or files beyond apimlint's bounds.

        ## Why it matters
        nginx refuses to start when a non-glob include names no file ("open() … failed") and loops on a
        cycle until it gives up. apimlint reads only what lies inside the deployment folder, so that a
        configuration under review cannot make it read other files of the machine: an include outside
        the folder is not followed, and the rules cannot check what it would bring in.

        ## Example
        ```nginx
        include /etc/nginx/conf.d/apim-*.conf;   # outside the deployment folder
        include sites/apim.conf;                 # no such file
        ```

        ## How to fix
        Keep the included files in the deployment folder beside nginx.conf and name them relative to
        it; remove an include that reaches back to a file that includes it.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
        deployment.Nginx.Config?.Problems.Select(p => Report(p.Include.Location, p.Message,
            $"{deployment.RelativePath(p.Include.Source.Path)}#include:{string.Join(" ", p.Include.Arguments.Select(a => a.Value))}")) ?? [];
}
