using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Input;

public sealed class TemplateNotLinted : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM010", "template-not-linted", RuleCategory.Input, Severity.Warning,
        "A deployment.toml must be the rendered file, not a Helm or Jinja template: a template is not checked.",
        """
        ## What it does
        Reports a node's `repository/conf/deployment.toml` that holds template markers (`{{ … }}` or
        `{% … %}`), at the first marker. apimlint reads nothing else from that file and never rewrites it:
        every rule about the node is silent, as if the file did not say anything.

        ## Why it matters
        WSO2's Helm charts ([wso2/helm-apim](https://github.com/wso2/helm-apim)) and Ansible roles
        ([wso2/ansible-apim](https://github.com/wso2/ansible-apim)) keep deployment.toml as a template whose
        values come from elsewhere (`hostname = "{{ .Values.wso2.deployment.hostname }}"`). Until it is
        rendered, its values are not the node's: a check would judge placeholders, and a gate that passes
        on a template has checked nothing. This warning keeps that visible.

        ## Example
        ```toml
        [server]
        hostname = "{{ .Values.wso2.apim.hostname }}"
        ```

        ## How to fix
        Check the rendered configuration instead: render the chart (`helm template`) or the role
        (`ansible-playbook --check --diff`, or the role's output folder) into a deployment folder and run
        apimlint on that.
        """) { Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
        deployment.Servers.Where(s => s.DeploymentToml.Syntax?.Template is not null).Select(s =>
        {
            var document = s.DeploymentToml.Syntax!;
            return Report(Location.InFile(document.Source, document.Template!.Value),
                $"{s.Name}'s deployment.toml is a Helm or Jinja template, not the node's configuration: render it first; apimlint did not check this node",
                $"{s.Name}:{s.DeploymentToml.RelativePath}#template");
        });
}
