using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Datasources;

public sealed class JdbcDriverDoesNotFitUrl : Rule
{
    /// <summary>The driver class prefixes each engine's JDBC drivers use.</summary>
    private static readonly Dictionary<string, string[]> Drivers = new(StringComparer.Ordinal)
    {
        ["mysql"] = ["com.mysql.", "org.mariadb.jdbc."],
        ["mariadb"] = ["org.mariadb.jdbc."],
        ["postgresql"] = ["org.postgresql."],
        ["oracle"] = ["oracle.jdbc."],
        ["sqlserver"] = ["com.microsoft.sqlserver.jdbc."],
        ["db2"] = ["com.ibm.db2."],
        ["h2"] = ["org.h2."],
    };

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM104", "jdbc-driver-does-not-fit-url", RuleCategory.Datasources, Severity.Error,
        "A datasource's driverClassName must be a driver for the database engine its URL names.",
        """
        ## What it does
        Checks that `driverClassName` belongs to the engine of the datasource's URL (mysql, mariadb,
        postgresql, oracle, sqlserver, db2, h2).

        ## Why it matters
        Moving a datasource from H2 to MySQL means changing both the URL and the driver; the guide's
        snippet does both, but an operator who edits the pack's entry by hand often changes only the
        URL. The node then fails to start the datasource ("No suitable driver"), and every component on
        it fails.

        ## Example
        ```xml
        <url>jdbc:mysql://localhost:3306/apimgtdb</url>
        <driverClassName>org.h2.Driver</driverClassName>
        ```

        ## How to fix
        Use the engine's driver: `com.mysql.jdbc.Driver` (or `com.mysql.cj.jdbc.Driver`) for MySQL.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
            foreach (var dataSource in node.DataSources)
            {
                if (dataSource.ParsedUrl is not { } url || dataSource.Driver is not { } driver || !Drivers.TryGetValue(url.Engine, out var prefixes)) continue;
                if (prefixes.Any(p => driver.Value.StartsWith(p, StringComparison.Ordinal))) continue;
                yield return Report(driver.Location,
                    $"{node.Name}'s datasource {dataSource.Name.Value} uses driver {driver.Value}, which is not a {url.Engine} driver, for {url.Engine} URL",
                    $"{node.Name}:datasource:{dataSource.Name.Value}#driverClassName",
                    new RelatedLocation(dataSource.Url!.Location, "the URL"));
            }
    }
}
