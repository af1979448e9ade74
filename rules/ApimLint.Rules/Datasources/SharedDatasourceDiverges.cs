using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Datasources;

public sealed class SharedDatasourceDiverges : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM103", "shared-datasource-diverges", RuleCategory.Datasources, Severity.Error,
        "A shared datasource must reach the same database, with the same driver and user, from both nodes.",
        """
        ## What it does
        For each shared store (API-M data, user store, registry, found by what reads them as APIM101
        describes) whose datasource both nodes have, compares the database the URL reaches, the driver
        and the user; and reports a localhost or 127.0.0.1 host when the nodes run on different hosts
        (each would reach a database of its own). Reported on the passive, with the active's value as
        related location.

        URLs are compared as the driver reads them: engine, machine (localhost is the node's own: on a
        shared host it is the host's address; host names without case), port (the engine's default when
        left out: MySQL and MariaDB 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, DB2 50000) and
        database (without case; an Oracle SID or service name; SQL Server's `databaseName` or `database`
        property). Other parameters and their order do not change which database is reached and are not
        compared. Oracle's `host:port:SID`, `//host:port/service`, `host:port/service` and TNS
        descriptors are read; a URL whose database the driver finds elsewhere (a TNS alias, a failover
        host list, a SQL Server named instance without a port) is not compared.

        ## Why it matters
        "Shared" means one database: two nodes that reach different databases (or each its own on
        localhost) split users, APIs and subscriptions, and the split shows only after failover.
        (https://docs.wso2.com/display/AM260/Configuring+the+Active-Passive+Deployment)

        ## Example
        The active's WSO2AM_DB is `jdbc:mysql://db1:3306/apimgtdb`, the passive's
        `jdbc:mysql://db2:3306/apimgtdb`.

        ## How to fix
        Give both nodes the same URL, driver and user for the shared databases, with the database's
        address rather than localhost when the nodes are on different hosts. A registry cacheId that
        names the active's database on the passive (APIM306) follows once the URL does.
        """) { Supersedes = [new("APIM306", SupersessionScope.Place)] };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var (active, passive) = (deployment.Active, deployment.Passive);
        foreach (var use in SharedDataSources.Checked(passive))
        {
            var theirs = use.DataSource!;
            if (theirs.Url is not { } url || theirs.ParsedUrl is not { IsEmbedded: false } parsed) continue;
            var key = $"passive:datasource:{theirs.Name.Value}";
            if (deployment.Topology.Sharing == HostSharing.Separate && parsed.Host is { } host && Hosts.IsLoopback(host))
            {
                yield return Report(url.Location,
                    $"{use.Describe(passive)} reaches {host}, but the nodes run on different hosts: each reaches a database of its own",
                    key + "#host");
                continue;
            }
            if (SharedDataSources.Checked(active).FirstOrDefault(u => u.Store == use.Store)?.DataSource is not { ParsedUrl: { IsEmbedded: false } ours } mine) continue;
            var differences = new List<string>();
            if (deployment.SameDatabase(active, ours, passive, parsed) == false)
                differences.Add($"database {Describe(parsed)} instead of {Describe(ours)}");
            if (theirs.Driver?.Value != mine.Driver?.Value) differences.Add($"driver {theirs.Driver?.Value ?? "(none)"} instead of {mine.Driver?.Value ?? "(none)"}");
            if (theirs.User?.Value != mine.User?.Value) differences.Add($"user {theirs.User?.Value ?? "(none)"} instead of {mine.User?.Value ?? "(none)"}");
            if (differences.Count == 0) continue;
            yield return Report(url.Location,
                $"{use.Describe(passive)} differs from active's: {string.Join("; ", differences)}",
                key, new RelatedLocation(mine.Url!.Location, $"active's {use.RoleName} datasource {mine.Name.Value}"));
        }
    }

    private static string Describe(JdbcUrl url) => $"{url.Engine}://{url.Host}{(url.Port is { } p ? ":" + p : "")}/{url.Database}";
}
