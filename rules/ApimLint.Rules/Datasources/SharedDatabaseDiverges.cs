using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Datasources;

public sealed class SharedDatabaseDiverges : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM112", "shared-database-diverges", RuleCategory.Datasources, Severity.Error,
        "[database.apim_db] and [database.shared_db] must reach the same database on every node.",
        """
        ## What it does
        Compares where each node's `[database.apim_db]` (among the nodes that write it) and
        `[database.shared_db]` reach: engine, host, port and database name (without case), whether written as
        a `url` or as `type`, `hostname`, `port` and `name` (the port defaults to the engine's). Reports each
        node that differs from the first node that writes the table, naming both.

        A url is compared with the `hostname` form only for MySQL, MariaDB and PostgreSQL, whose URL the
        configuration builds as `jdbc:<engine>://hostname:port/name`; other engines only with the same form.
        `localhost` means the node's own machine, which apimlint knows only when apimlint.json gives the
        nodes' hosts; a host name against an IP address, a value set at start-up (`$env{…}`) or a URL form
        apimlint does not read are not judged. Embedded H2 is APIM111's.

        ## Why it matters
        Both databases hold what the nodes must share: APIs, applications, subscriptions and keys
        (WSO2AM_DB), users, roles and the registry (WSO2SHARED_DB). A node on another database serves
        another world: a subscription made through one node is unknown to the other, tokens fail to
        validate, and the gateways deploy different APIs depending on the node that answered
        ([Configuring an Active-Active Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/),
        step "Configure the database";
        [product-apim#9542](https://github.com/wso2/product-apim/issues/9542)).

        ## Example
        node1:
        ```toml
        [database.apim_db]
        url = "jdbc:mysql://mysql.wso2.com:3306/WSO2AM_DB?useSSL=false"
        ```
        node2:
        ```toml
        [database.apim_db]
        url = "jdbc:mysql://mysql2.wso2.com:3306/WSO2AM_DB?useSSL=false"
        ```

        ## How to fix
        Point the table at the same database server, port and database on every node.
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var table in new[] { ServerDatabase.ApimDb, ServerDatabase.SharedDb })
        {
            var known = deployment.Servers
                .Select(node => (Node: node, Database: ServerDatabase.Of(node, table)))
                .Where(n => n.Database is { Written: true, Embedded: false, Address: not null })
                .Select(n => (n.Node, Database: n.Database!))
                .ToList();
            if (known.Count < 2) continue;
            var (first, reference) = known[0];
            foreach (var (node, database) in known.Skip(1))
            {
                if (!database.ComparableWith(reference) || Same(first, reference.Address!, node, database.Address!) != false) continue;
                yield return Report(database.Location,
                    $"{node.Name}'s [{table}] reaches {database.Describe()}, {first.Name}'s reaches {reference.Describe()}: every node must use the same database",
                    $"{node.Name}:{node.DeploymentToml.RelativePath}#{table}",
                    new RelatedLocation(reference.Location, $"{first.Name}'s [{table}]"));
            }
        }
    }

    /// <summary>Whether the two addresses are one database; null when the hosts cannot be told apart.</summary>
    private static bool? Same(ServerNode node, JdbcUrl url, ServerNode other, JdbcUrl otherUrl)
    {
        if (Protocol(url.Engine) != Protocol(otherUrl.Engine) || url.Port != otherUrl.Port
            || !string.Equals(url.Database, otherUrl.Database, StringComparison.OrdinalIgnoreCase)) return false;
        if (url.NamedBySid != otherUrl.NamedBySid) return null;
        if (Machine(node, url.Host!) is not { } machine || Machine(other, otherUrl.Host!) is not { } otherMachine) return null;
        if (Hosts.SameAddress(machine, otherMachine)) return true;
        // A name and an IP address may be one machine: apimlint resolves no names.
        return ClusterConfig.IsIpAddress(Unbracket(machine)) == ClusterConfig.IsIpAddress(Unbracket(otherMachine)) ? false : null;
    }

    /// <summary>The host a node means: loopback is the node's own host, known only when apimlint.json gives it.</summary>
    private static string? Machine(ServerNode node, string host) => Hosts.IsLoopback(host) ? node.Override.Host : host;

    private static string Unbracket(string host) => host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;

    /// <summary>MariaDB's driver and MySQL's reach the same servers.</summary>
    private static string Protocol(string engine) => engine == "mariadb" ? "mysql" : engine;
}
