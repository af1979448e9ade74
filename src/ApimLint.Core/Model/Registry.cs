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
    /// <summary>The registry spaces both nodes must share: the governance space and the config space.</summary>
    public const string GovernancePath = "/_system/governance";
    public const string ConfigPath = "/_system/config";

    /// <summary>The pack's dbConfig of the node's local registry.</summary>
    public const string LocalDbConfig = "wso2registry";

    public RegistryDbConfig? DbConfig(string name) => DbConfigs.FirstOrDefault(d => d.Name.Value == name);

    /// <summary>The remote instance a mount's instanceId names (the registry keeps the first of a repeated id).</summary>
    public RegistryRemoteInstance? RemoteInstance(string id) => RemoteInstances.FirstOrDefault(r => r.Id?.Value == id);

    /// <summary>The mount of a registry path ("/_system/config" and "/_system/config/" are the same path).</summary>
    public RegistryMount? Mount(string path) => Mounts.FirstOrDefault(m => m.Path is { } p && SamePath(p.Value, path));

    /// <summary>The mounts whose instanceId names the given remote instance.</summary>
    public IEnumerable<RegistryMount> MountsThrough(RegistryRemoteInstance instance) =>
        instance.Id is { } id ? Mounts.Where(m => m.InstanceId?.Value == id.Value) : [];

    private static bool SamePath(string a, string b) =>
        string.Equals(a.Trim().TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);
}

public sealed record RegistryDbConfig(XmlElementSyntax Element, Located<string> Name, Located<string>? DataSource);

public sealed record RegistryRemoteInstance(
    XmlElementSyntax Element, Located<string>? Url, Located<string>? Id, Located<string>? CacheId,
    Located<string>? DbConfig, Located<string>? ReadOnly, Located<string>? RegistryRoot)
{
    /// <summary>The registry reads readOnly with Boolean.parseBoolean: only "true" (any case) is true.</summary>
    public bool IsReadOnly => ReadOnly?.Value.Equals("true", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>How the instance is named in messages: its id, or its url when it has none.</summary>
    public string DisplayName => Id?.Value is { Length: > 0 } id ? $"'{id}'" : Url is { } url ? $"at {url.Value}" : "without an id";
}

public sealed record RegistryMount(XmlElementSyntax Element, Located<string>? Path, Located<string>? InstanceId, Located<string>? TargetPath);
