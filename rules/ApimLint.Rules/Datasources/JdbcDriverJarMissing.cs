using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Datasources;

public sealed class JdbcDriverJarMissing : Rule
{
    /// <summary>How each engine's driver jar is named (Maven artifact names as shipped).</summary>
    private static readonly Dictionary<string, string[]> JarNames = new(StringComparer.Ordinal)
    {
        ["mysql"] = ["mysql-connector-java", "mysql-connector-j", "mariadb-java-client"],
        ["mariadb"] = ["mariadb-java-client"],
        ["postgresql"] = ["postgresql"],
        ["oracle"] = ["ojdbc"],
        ["sqlserver"] = ["mssql-jdbc", "sqljdbc"],
        ["db2"] = ["db2jcc", "jcc"],
    };

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM105", "jdbc-driver-jar-missing", RuleCategory.Datasources, Severity.Warning,
        "In a whole pack, repository/components/lib must hold the JDBC driver jar each datasource's engine needs.",
        """
        ## What it does
        In whole packs (repository/components/lib exists), checks that a jar there provides the driver
        for each external datasource's engine (mysql-connector-java-*.jar for MySQL, and so on).
        Config-only trees are not checked; different jar versions on the nodes are APIM704's.

        ## Why it matters
        The guide: "Copy the MySQL JDBC driver JAR file (mysql-connector-java-x.x.xx-bin.jar) into the
        `<APIM_HOME>/repository/components/lib` directory". A node without it cannot open its datasources
        and does not start; a different version on the passive behaves differently only after failover.

        ## Example
        The active has mysql-connector-java-5.1.47-bin.jar; the passive, copied from a fresh pack, has none.

        ## How to fix
        Copy the same driver jar into repository/components/lib on both nodes.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.LibJars is not { } jars) continue;
            var lib = Path.Combine(node.Home, "repository/components/lib");
            var engines = node.DataSources.Where(d => d.ParsedUrl is { IsEmbedded: false }).Select(d => d.ParsedUrl!.Engine).Distinct().Where(JarNames.ContainsKey).Order();
            foreach (var engine in engines)
            {
                if (jars.Any(j => JarNames[engine].Any(n => j.StartsWith(n, StringComparison.OrdinalIgnoreCase)))) continue;
                yield return Report(ApimLint.Text.Location.WholeFile(lib),
                    $"{node.Name}'s repository/components/lib has no {engine} JDBC driver jar ({JarNames[engine][0]}-*.jar), which its datasources need",
                    $"{node.Name}:repository/components/lib#{engine}");
            }
        }
    }
}
