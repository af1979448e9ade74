using ApimLint.Engine;
using ApimLint.Rules.Clustering;
using ApimLint.Rules.Drift;
using ApimLint.Rules.Datasources;
using ApimLint.Rules.Gateway;
using ApimLint.Rules.Identity;
using ApimLint.Rules.Input;
using ApimLint.Rules.Platform;
using ApimLint.Rules.Registry;
using ApimLint.Rules.ReverseProxy;

namespace ApimLint.Rules;

/// <summary>Every rule apimlint knows, in ID order: one line each.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new UnparseableConfig(),
        new RequiredConfigMissing(),
        new UnusedSuppression(),
        new SuppressionJustificationMissing(),
        new NginxIncludeUnresolved(),
        new NginxIncludeNotRead(),
        new NginxEventsMissing(),
        new TopologyUnknown(),
        new ProductVersionUnsupported(),
        new TemplateNotLinted(),
        new SharedDatasourceMissing(),
        new SharedDatasourceOnH2(),
        new SharedDatasourceDiverges(),
        new JdbcDriverDoesNotFitUrl(),
        new JdbcDriverJarMissing(),
        new DatasourceValidationOff(),
        new DanglingDatasourceReference(),
        new PlaintextDatasourcePassword(),
        new SharedDatabaseOnH2(),
        new SharedDatabaseDiverges(),
        new UserStoreNotShared(),
        new DefaultAdminCredentials(),
        new DefaultKeystore(),
        new BrokerCredentialsMismatch(),
        new SuperAdminDefault(),
        new SuperAdminDiverges(),
        new PrimaryKeystoreDiverges(),
        new RegistryLocalDbConfigMissing(),
        new RegistryMountUnknownInstance(),
        new RegistryRemoteDbConfigInvalid(),
        new RegistryGovernanceNotShared(),
        new RegistryMountReadOnly(),
        new RegistryRemoteCacheIdMissing(),
        new ClusteringDisabled(),
        new MembershipSchemeUnusable(),
        new ClusterDomainMismatch(),
        new WkaMembersNotMutual(),
        new LocalMemberPortCollision(),
        new LocalMemberHostUnreachable(),
        new GatewayServerUrlDiverges(),
        new ThrottlePeerJndiMissing(),
        new ThrottlePeerBrokerWrong(),
        new ThrottlePeerPublisherMissing(),
        new ThrottlePublisherMisconfigured(),
        new OwnBrokerPortNotOffset(),
        new ThrottleOwnReceiverMissing(),
        new ThrottleDuplicateUrlMissing(),
        new ThrottleDuplicateUrlSelf(),
        new ThrottleDecisionEndpointWrong(),
        new TrafficManagerUrlGroupMissing(),
        new TrafficManagersShareUrlGroup(),
        new EventHubUnreached(),
        new CacheInvalidationOff(),
        new UpstreamNodePortMismatch(),
        new PassiveNotBackup(),
        new ManagerUpstreamIncludesPassive(),
        new BackupWithHashBalancing(),
        new SslDirectiveObsolete(),
        new TlsCertificatePlaceholder(),
        new CookiePathMismatch(),
        new ProxyRedirectMismatch(),
        new SiteReverseProxyDisabled(),
        new SiteReverseProxyContextMismatch(),
        new LocationWrongUpstream(),
        new ForwardedHeadersMissing(),
        new UpstreamUndefined(),
        new UpstreamServerUnmatched(),
        new ConnectorProxyPortMissing(),
        new StickyNeedsNginxPlus(),
        new ProxyPortNotSet(),
        new ConfigDrift(),
        new FileDrift(),
        new ArtifactDrift(),
        new BinaryDrift(),
        new ProductVersionMismatch(),
        new PeerConfigDrift(),
        new MysqlCharsetNotLatin1OnWindows(),
        new MysqlDatabaseMissing(),
    ];
}
