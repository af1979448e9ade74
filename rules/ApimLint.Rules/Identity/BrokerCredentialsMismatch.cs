using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Identity;

public sealed class BrokerCredentialsMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM204", "broker-credentials-mismatch", RuleCategory.Identity, Severity.Error,
        "The AMQP user and password in the jndi files must be the user store's admin credentials.",
        """
        ## What it does
        For every connection factory in a node's jndi.properties and the peer jndi files its publishers
        read, compares the `amqp://user:password@…` credentials with the admin user of the user store
        the receiving broker authenticates against (the node's own for jndi.properties, the peer's for
        the file to the peer). It says which file and which part differ, never the values.

        ## Why it matters
        The message broker authenticates publishers against the user store. After the admin password is
        changed, as the guide asks, jndi files that still say `admin:admin` are refused: the throttling
        publishers stop and throttling silently ends. (
        [docs-apim#2330](https://github.com/wso2/docs-apim/issues/2330), [product-apim#2677](https://github.com/wso2/product-apim/issues/2677).)

        ## Example
        user-mgt.xml's admin password was changed, but jndi2.properties still has
        ```properties
        connectionfactory.TopicConnectionFactory = amqp://admin:admin@clientid/carbon?brokerlist='tcp://localhost:5672'
        ```

        ## How to fix
        Write the admin's user name and password into every AMQP URL of jndi.properties and
        jndi2.properties on both nodes (or their Secure Vault aliases).
        """) { IsSecurity = true };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            foreach (var (path, jndi) in node.JndiFiles)
            {
                var broker = path == Node.OwnJndiFile ? node : deployment.PeerOf(node);
                if (broker.UserStore is not { AdminUserName: { } admin, AdminPassword: { IsVaulted: false } password }) continue;
                foreach (var factory in jndi.ConnectionFactories)
                {
                    if (factory.Url is not { } url) continue;
                    var parts = new List<string>();
                    if (url.UserName.Value != admin.Value) parts.Add($"user {url.UserName.Value} is not the admin user {admin.Value}");
                    if (!url.Password.SameValueAs(password)) parts.Add("the password is not the admin's");
                    if (parts.Count == 0) continue;
                    yield return Report(url.UserName.Location,
                        $"{node.Name}'s {path} {factory.Name}: {string.Join(" and ", parts)} in {broker.Name}'s user store, so {broker.Name}'s broker refuses the throttling publishers",
                        Key(node, jndi.File, $"connectionfactory.{factory.Name}#credentials"),
                        new RelatedLocation(password.Location, $"{broker.Name}'s admin password"));
                }
            }
        }
    }
}
