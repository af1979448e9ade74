using ApimLint.Model;

namespace ApimLint.Loading;

/// <summary>Reads both nodes, nginx.conf and the SQL scripts into one <see cref="Deployment"/>.</summary>
public static class DeploymentLoader
{
    public static Deployment Load(DeploymentInput input) => Load(input, DiskFileSystem.Instance);

    /// <summary>Loads through <paramref name="files"/>: how a fix run re-checks its changes before writing them.</summary>
    public static Deployment Load(DeploymentInput input, IFileSystem files)
    {
        using var _ = ConfigFileLoader.Use(files, input.FollowSymlinks);
        if (input.Servers.Count > 0) return LoadServers(input);
        // The nodes and nginx.conf are read side by side (the ambient file system flows into the tasks);
        // an error is still the one a reading in order would meet first.
        var passiveRead = Task.Run(() => NodeReader.Read(NodeRole.Passive, input.PassiveHome, input.PassiveOverride));
        var nginxRead = Task.Run(() => NginxModelReader.Read(input.Root, input.NginxConf, input.NginxPrefix));
        var active = NodeReader.Read(NodeRole.Active, input.ActiveHome, input.ActiveOverride);
        var passive = passiveRead.GetAwaiter().GetResult();
        var nginx = nginxRead.GetAwaiter().GetResult();
        var hosts = ConfigFileLoader.Hosts(input.Root);
        return new Deployment
        {
            Root = input.Root,
            Active = active,
            Passive = passive,
            Nginx = nginx,
            SqlScripts = input.SqlFiles.Select(f => ConfigFileLoader.Sql(input.Root, Path.GetRelativePath(input.Root, f))).ToList(),
            Os = input.Os,
            ArtifactSync = input.ArtifactSync,
            Topology = TopologyReader.Derive(active, passive, nginx, hosts.Syntax),
            HostsFile = hosts,
            Preferred = input.Preferred,
            DeclaredVersion = input.DeclaredVersion,
        };
    }

    /// <summary>An API-M 3.x/4.x deployment: its nodes' deployment.toml files, nginx.conf and SQL scripts; no 2.x pair.</summary>
    private static Deployment LoadServers(DeploymentInput input)
    {
        var servers = input.Servers.Select(ServerReader.Read).ToList();
        var nginx = NginxModelReader.Read(input.Root, input.NginxConf, input.NginxPrefix);
        var hosts = ConfigFileLoader.Hosts(input.Root);
        var (active, passive) = (NodeReader.WithoutFiles(NodeRole.Active), NodeReader.WithoutFiles(NodeRole.Passive));
        return new Deployment
        {
            Root = input.Root,
            Active = active,
            Passive = passive,
            Servers = servers,
            DeclaredVersion = input.DeclaredVersion,
            Nginx = nginx,
            SqlScripts = input.SqlFiles.Select(f => ConfigFileLoader.Sql(input.Root, Path.GetRelativePath(input.Root, f))).ToList(),
            Os = input.Os,
            Topology = TopologyReader.Derive(active, passive, nginx, hosts.Syntax),
            HostsFile = hosts,
        };
    }
}
