using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Model;

/// <summary>Shared stores found by what reads them, and membership schemes read as Carbon reads them, on WSO2's own Kubernetes configuration.</summary>
public sealed class SharedStoresAndSchemesModelTests
{
    private const string KubernetesApim = "realworld-kubernetes-apim-2.1.0-pattern-1";
    private const string ActiveAxis2 = "active/repository/conf/axis2/axis2.xml";

    private static Deployment Load(string fixture) => DeploymentLoader.Load(DeploymentInput.FromFolder(TestPaths.Fixture(fixture)));

    [Fact]
    public void Each_store_is_the_datasource_its_reader_names_whatever_it_is_called()
    {
        var stores = SharedStores.Of(Load(KubernetesApim).Active)
            .Select(u => (u.Store, u.Resolution, u.DataSource?.Name.Value, u.Reader, u.Reference?.Value)).ToList();

        Assert.Equal(
        [
            (SharedStore.ApiManager, StoreResolution.Read, "WSO2AM_DB", "api-manager.xml reads", "jdbc/WSO2AM_DB"),
            (SharedStore.UserStore, StoreResolution.Read, "WSO2UM_DB", "user-mgt.xml reads", "jdbc/WSO2UM_DB"),
            (SharedStore.Registry, StoreResolution.Read, "WSO2REG_DB", "registry.xml's governance mount uses", "jdbc/WSO2REG_DB"),
        ], stores);
    }

    [Fact]
    public void A_reference_no_datasource_defines_leaves_the_store_unknown_not_missing()
    {
        using var temp = new TempDirectory();
        new FixtureCase
        {
            Base = KubernetesApim,
            Description = "",
            Replace = [new FixtureCase.Replacement { File = "active/repository/conf/registry.xml", Find = "<dataSource>jdbc/WSO2REG_DB</dataSource>", With = "<dataSource>jdbc/WSO2GOV_DB</dataSource>" }],
        }.Materialize(temp.Path);
        var registry = SharedStores.Of(DeploymentLoader.Load(DeploymentInput.FromFolder(temp.Path)).Active, SharedStore.Registry);

        Assert.Equal((StoreResolution.Unknown, null), (registry.Resolution, registry.DataSource));
    }

    [Theory]
    [InlineData("kubernetes", true, MembershipSchemeKind.Custom)]
    [InlineData("kubernetes", false, MembershipSchemeKind.Unknown)]
    [InlineData(" wka ", false, MembershipSchemeKind.Wka)]
    [InlineData("WKA", false, MembershipSchemeKind.Unknown)]
    [InlineData("aws", false, MembershipSchemeKind.Aws)]
    [InlineData("multicast", true, MembershipSchemeKind.Multicast)]
    public void The_scheme_is_read_as_the_clustering_agent_reads_it(string scheme, bool withClass, MembershipSchemeKind expected)
    {
        using var temp = new TempDirectory();
        var className = "\t    <parameter name=\"membershipSchemeClassName\">org.wso2.carbon.membership.scheme.kubernetes.KubernetesMembershipScheme</parameter>\n";
        new FixtureCase
        {
            Base = KubernetesApim,
            Description = "",
            Replace =
            [
                new FixtureCase.Replacement { File = ActiveAxis2, Find = "<parameter name=\"membershipScheme\">kubernetes</parameter>", With = $"<parameter name=\"membershipScheme\">{scheme}</parameter>" },
                new FixtureCase.Replacement { File = ActiveAxis2, Find = className, With = withClass ? className : "" },
            ],
        }.Materialize(temp.Path);

        Assert.Equal(expected, DeploymentLoader.Load(DeploymentInput.FromFolder(temp.Path)).Active.Cluster!.Scheme);
    }
}
