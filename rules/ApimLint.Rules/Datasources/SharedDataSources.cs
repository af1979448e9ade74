using ApimLint.Model;

namespace ApimLint.Rules.Datasources;

/// <summary>The datasources both nodes must share.</summary>
internal static class SharedDataSources
{
    public static readonly string[] GuideNames = ["WSO2AM_DB", "WSO2UM_DB", "WSO2GOV_DB"];

    /// <summary>
    /// The guide's three, and the user store's datasource on a node that defines no WSO2UM_DB (where it
    /// has one, pointing the user store elsewhere is APIM201's; a registry mount on H2 is APIM304's).
    /// </summary>
    public static IEnumerable<DataSource> Of(Node node)
    {
        var userStore = node.DataSourceByName("WSO2UM_DB") is null ? node.UserStore?.DataSource?.Value : null;
        return node.DataSources.Where(d => GuideNames.Contains(d.Name.Value) || (userStore is not null && d.JndiName?.Value == userStore));
    }
}
