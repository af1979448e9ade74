using ApimLint.Engine;
using ApimLint.Rules.Clustering;
using ApimLint.Rules.Drift;
using ApimLint.Rules.Gateway;
using ApimLint.Rules.Input;
using ApimLint.Rules.Platform;
using ApimLint.Rules.Registry;

namespace ApimLint.Rules;

/// <summary>Every rule apimlint knows, in ID order: one line each.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new UnparseableConfig(),
        new RegistryLocalDbConfigMissing(),
        new WkaMembersNotMutual(),
        new GatewayServerUrlDiverges(),
        new ThrottlePeerJndiMissing(),
        new ThrottlePeerBrokerWrong(),
        new ThrottlePeerPublisherMissing(),
        new ConfigDrift(),
        new FileDrift(),
        new ArtifactDrift(),
        new BinaryDrift(),
        new ProductVersionMismatch(),
        new MysqlCharsetNotLatin1OnWindows(),
    ];
}
