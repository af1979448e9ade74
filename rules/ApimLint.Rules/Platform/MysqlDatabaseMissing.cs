using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Platform;

public sealed class MysqlDatabaseMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM802", "mysql-database-missing", RuleCategory.Platform, Severity.Warning,
        "When provisioning scripts are given, they must create every MySQL database the datasources use.",
        """
        ## What it does
        When SQL scripts are given (db/*.sql or `--sql`), checks that their `CREATE DATABASE`
        statements create every database a MySQL datasource of either node names in its URL.

        ## Why it matters
        The guide creates apimgtdb, userdb and regdb by hand. A database the scripts forget is found
        only when the nodes start (`-Dsetup` fails with "Unknown database"), or, with a renamed URL,
        never: the datasource then points at a database nobody provisioned.

        ## Example
        The datasources use apimgtdb, userdb and regdb; db/create-databases.sql creates only the first two.

        ## How to fix
        Add `create database regdb;` (with `character set latin1` on Windows, see APIM801) and its
        grants to the script, or correct the datasource's URL.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var scripts = deployment.SqlScripts.Where(s => s.Syntax is not null).ToList();
        if (scripts.Count == 0) yield break;
        var created = scripts.SelectMany(s => s.Syntax!.CreateDatabases).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = deployment.Nodes.SelectMany(n => n.DataSources)
            .Where(d => d.ParsedUrl is { Engine: "mysql", Database: not null })
            .GroupBy(d => d.ParsedUrl!.Database!, StringComparer.OrdinalIgnoreCase);
        foreach (var database in used.Where(g => !created.Contains(g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = database.First();
            yield return Report(Location.InFile(scripts[0].Syntax!.Source, new TextSpan(0, 0)),
                $"no provisioning script creates {database.Key}, which datasource {first.Name.Value} uses",
                $"sql#{database.Key}", new RelatedLocation(first.Url!.Location, $"datasource {first.Name.Value}"));
        }
    }
}
