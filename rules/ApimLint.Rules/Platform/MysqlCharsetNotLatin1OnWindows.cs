using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Platform;

public sealed class MysqlCharsetNotLatin1OnWindows : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM801", "mysql-charset-not-latin1-on-windows", RuleCategory.Platform, Severity.Error,
        "On Windows, each MySQL database the nodes use must be created with character set latin1.",
        """
        ## What it does
        Only with `--os windows`: for each `CREATE DATABASE` in the provisioning scripts (db/*.sql or
        `--sql`) whose database a MySQL datasource of either node uses, checks for a
        `character set latin1` clause.

        ## Why it matters
        The guide: "For Microsoft Windows users: When creating the database in MySQL, it is important to
        specify the character set as latin1. Failure to do this may result in an error (error code:
        1709) when starting your cluster." MySQL 5.6 with utf8 fails with 1709 "Index column size too
        large" (8.0 with 1071) while the tables are created. (WSO2
        "[Changing to MySQL](https://apim.docs.wso2.com/en/3.0.0/install-and-setup/setting-up-databases/changing-default-databases/changing-to-mysql/)";
        [product-apim#3736](https://github.com/wso2/product-apim/issues/3736).)

        ## Example
        ```sql
        create database apimgtdb;
        ```

        ## How to fix
        ```sql
        create database apimgtdb character set latin1;
        ```

        Fix (safe): `apimlint --fix` adds `character set latin1` to the statement, or replaces the
        character set it names: the guide's own command for Windows.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        if (deployment.Os != TargetOs.Windows) yield break;
        var used = deployment.Nodes.SelectMany(n => n.DataSources)
            .Where(d => d.ParsedUrl is { Engine: "mysql", Database: not null })
            .GroupBy(d => d.ParsedUrl!.Database!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var script in deployment.SqlScripts)
        {
            foreach (var create in script.Syntax?.CreateDatabases ?? [])
            {
                if (!used.TryGetValue(create.Name, out var dataSource) || string.Equals(create.CharacterSet, "latin1", StringComparison.OrdinalIgnoreCase))
                    continue;
                var charset = create.CharacterSet is null ? "has no character set clause" : $"uses character set {create.CharacterSet}";
                yield return Report(create.Location,
                    $"CREATE DATABASE {create.Name} {charset}; on Windows it must be latin1 (MySQL error 1709 when the cluster starts)",
                    $"{deployment.RelativePath(script.FullPath)}#{create.Name}",
                    new RelatedLocation(dataSource.Url!.Location, $"datasource {dataSource.Name.Value} uses {create.Name}"))
                    with { Fix = Fix.Safe($"Create {create.Name} with character set latin1", create.CharacterSetSpan is { } span
                        ? new TextEdit(create.Source.Path, span, "latin1")
                        : new TextEdit(create.Source.Path, new TextSpan(create.Span.End, 0), " character set latin1")) };
            }
        }
    }
}
