using ApimLint.Syntax.Xml;

namespace ApimLint.Model;

/// <summary>registry.xml: the local database config in use, the configs it declares, remote instances and mounts.</summary>
public sealed record RegistryConfig(
    XmlElementSyntax Root,
    Located<string>? CurrentDbConfig,
    IReadOnlyList<RegistryDbConfig> DbConfigs,
    IReadOnlyList<RegistryRemoteInstance> RemoteInstances,
    IReadOnlyList<RegistryMount> Mounts)
{
    public RegistryDbConfig? DbConfig(string name) => DbConfigs.FirstOrDefault(d => d.Name.Value == name);
}

public sealed record RegistryDbConfig(XmlElementSyntax Element, Located<string> Name, Located<string>? DataSource);

public sealed record RegistryRemoteInstance(
    XmlElementSyntax Element, Located<string>? Url, Located<string>? Id, Located<string>? CacheId,
    Located<string>? DbConfig, Located<string>? ReadOnly, Located<string>? RegistryRoot);

public sealed record RegistryMount(XmlElementSyntax Element, Located<string>? Path, Located<string>? InstanceId, Located<string>? TargetPath);
