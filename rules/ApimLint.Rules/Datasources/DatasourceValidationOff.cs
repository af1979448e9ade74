using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Datasources;

public sealed class DatasourceValidationOff : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM106", "datasource-validation-off", RuleCategory.Datasources, Severity.Warning,
        "An external database's datasource must validate connections: testOnBorrow true with a validationQuery.",
        """
        ## What it does
        Reports a datasource on an external RDBMS (not embedded H2) that lacks `testOnBorrow` set to
        true or a `validationQuery`.

        ## Why it matters
        The guide's datasources set `testOnBorrow` true, `validationQuery` SELECT 1 and
        `validationInterval` 30000. Without them the pool hands out connections the database or a
        firewall has already closed; after a database failover, or when the passive has been idle for
        hours, the first requests fail with broken-pipe errors exactly when the node is needed.

        ## Example
        A WSO2AM_DB configuration with url, username, password and driver only.

        ## How to fix
        ```xml
        <testOnBorrow>true</testOnBorrow>
        <validationQuery>SELECT 1</validationQuery>
        <validationInterval>30000</validationInterval>
        ```

        Fix (safe): `apimlint --fix` adds the missing settings, as the guide writes them, at the end of
        the datasource's `<configuration>`; it changes no value that is written (a testOnBorrow of false
        stays a finding to decide on).
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            foreach (var dataSource in node.DataSources)
            {
                if (dataSource.ParsedUrl is not { IsEmbedded: false }) continue;
                var testOnBorrow = dataSource.TestOnBorrow?.Value.Equals("true", StringComparison.OrdinalIgnoreCase) == true;
                var query = dataSource.ValidationQuery?.Value is { Length: > 0 };
                if (testOnBorrow && query) continue;
                var missing = new List<string>();
                if (!testOnBorrow) missing.Add(dataSource.TestOnBorrow is null ? "testOnBorrow" : $"testOnBorrow true (it is {dataSource.TestOnBorrow.Value})");
                if (!query) missing.Add("a validationQuery");
                yield return Report(dataSource.Name.Location,
                    $"{node.Name}'s datasource {dataSource.Name.Value} lacks {string.Join(" and ", missing)}: the pool hands out connections the database has closed",
                    $"{node.Name}:datasource:{dataSource.Name.Value}#validation") with { Fix = AddSettings(dataSource) };
            }
        }
    }

    private static Fix? AddSettings(DataSource dataSource)
    {
        if (dataSource.Element.Element("definition")?.Element("configuration") is not { EndTagSpan: not null } configuration) return null;
        var lines = new List<string>();
        if (dataSource.TestOnBorrow is null) lines.Add("<testOnBorrow>true</testOnBorrow>");
        if (dataSource.ValidationQuery is null) lines.Add("<validationQuery>SELECT 1</validationQuery>");
        if (dataSource.ValidationInterval is null) lines.Add("<validationInterval>30000</validationInterval>");
        return lines.Count == 0 ? null : Fix.Safe($"Add the guide's connection validation to {dataSource.Name.Value}", Edits.InsertLastChild(configuration, string.Join("\n", lines)));
    }
}
