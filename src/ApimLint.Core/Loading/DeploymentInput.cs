using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Loading;

/// <summary>Where the parts of a deployment are on disk.</summary>
public sealed record DeploymentInput(string Root, string ActiveHome, string PassiveHome, string NginxConf, IReadOnlyList<string> SqlFiles, TargetOs Os)
{
    /// <summary>Whose value wins where a fix copies one node's value to the other (--prefer).</summary>
    public NodeRole Preferred { get; init; } = NodeRole.Active;

    public NodeOverride ActiveOverride { get; init; } = NodeOverride.None;

    /// <summary>Read files behind symbolic links that lead outside the node's folder (--follow-symlinks).</summary>
    public bool FollowSymlinks { get; init; }

    public NodeOverride PassiveOverride { get; init; } = NodeOverride.None;

    /// <summary>How artifacts reach the passive (apimlint.json's "artifactSync").</summary>
    public ArtifactSync ArtifactSync { get; init; } = ArtifactSync.Rsync;

    /// <summary>The API-M 3.x/4.x nodes, when the deployment is configured by deployment.toml; then there is no active/passive pair.</summary>
    public IReadOnlyList<ServerInput> Servers { get; init; } = [];

    /// <summary>The release apimlint.json declares ("version").</summary>
    public ProductVersion? DeclaredVersion { get; init; }

    /// <summary>The configuration prefix nginx runs with on the server, which the folder of <see cref="NginxConf"/> stands for.</summary>
    public string NginxPrefix { get; init; } = Syntax.Nginx.NginxConfig.DefaultPrefix;

    /// <summary>
    /// The conventional layout of a deployment folder (active/, passive/, nginx/nginx.conf or nginx.conf,
    /// db/*.sql), with any part overridden. Throws <see cref="InputException"/> naming what is missing.
    /// </summary>
    /// <remarks>
    /// Parts found in the folder (or named by apimlint.json, which names only paths inside it) must stay inside it
    /// once links are resolved, unless <paramref name="followSymlinks"/>; parts named on the command line are the
    /// user's choice. Every part is read as a regular file only.
    /// </remarks>
    public static DeploymentInput FromFolder(string folder, string? active = null, string? passive = null, string? nginx = null,
        IReadOnlyList<string>? sql = null, TargetOs os = TargetOs.Linux, bool followSymlinks = false)
    {
        var root = RequireRoot(folder);
        var activeHome = RequireFolder(root, active ?? Path.Combine(root, "active"), "active node", active is null ? "--active" : null, followSymlinks);
        var passiveHome = RequireFolder(root, passive ?? Path.Combine(root, "passive"), "passive node", passive is null ? "--passive" : null, followSymlinks);
        // A pair whose nodes are configured by deployment.toml is API-M 3.x/4.x: two all-in-one nodes, named as their folders.
        if (ServerReader.IsTomlConfigured(activeHome) && ServerReader.IsTomlConfigured(passiveHome))
            return ForServers(folder, [new ServerInput("active", activeHome, ServerRole.AllInOne), new ServerInput("passive", passiveHome, ServerRole.AllInOne)],
                nginx, sql, os, followSymlinks);
        return new DeploymentInput(root, activeHome, passiveHome, RequireNginx(folder, root, nginx, followSymlinks), Sql(root, sql), os) { FollowSymlinks = followSymlinks };
    }

    /// <summary>An API-M 3.x/4.x deployment: its nodes as apimlint.json lists them, nginx.conf and SQL scripts as for a pair.</summary>
    public static DeploymentInput ForServers(string folder, IReadOnlyList<ServerInput> servers, string? nginx = null,
        IReadOnlyList<string>? sql = null, TargetOs os = TargetOs.Linux, bool followSymlinks = false)
    {
        var root = RequireRoot(folder);
        var homes = servers.Select(s => s with { Home = RequireFolder(root, s.Home, $"{s.Name} node", null, followSymlinks) }).ToList();
        return new DeploymentInput(root, "", "", RequireNginx(folder, root, nginx, followSymlinks), Sql(root, sql), os)
        {
            FollowSymlinks = followSymlinks, Servers = homes,
        };
    }

    private static string RequireRoot(string folder)
    {
        var root = Path.GetFullPath(folder);
        return Directory.Exists(root) ? root : throw new InputException($"{folder}: no such deployment folder");
    }

    private static string RequireNginx(string folder, string root, string? nginx, bool followSymlinks)
    {
        var nginxConf = nginx is not null
            ? RequireFile(nginx, "nginx configuration")
            : new[] { Path.Combine(root, "nginx", "nginx.conf"), Path.Combine(root, "nginx.conf") }.FirstOrDefault(p => FileStatus.KindOf(p, followLinks: false) != FileKind.Missing)
              ?? throw new InputException($"{folder}: no nginx/nginx.conf or nginx.conf (give one with --nginx)");
        if (Confinement.ReadProblem(nginxConf, root, Confinement.DeploymentFolder, followSymlinks) is { } problem)
            throw new InputException($"{nginxConf}: {problem}");
        return Path.GetFullPath(nginxConf);
    }

    private static List<string> Sql(string root, IReadOnlyList<string>? sql) =>
        sql is { Count: > 0 } ? sql.Select(f => RequireFile(f, "SQL script")).ToList() : DiskFileSystem.Instance.GetFiles(Path.Combine(root, "db"), "*.sql").ToList();

    /// <summary>A node's folder: it exists and, when found inside the deployment folder, does not link out of it (unless followed).</summary>
    public static string RequireFolder(string root, string path, string what, string? option, bool followSymlinks)
    {
        if (!Directory.Exists(path)) throw new InputException($"{path}: no {what} folder" + (option is null ? "" : $" (give one with {option})"));
        if (!followSymlinks && Confinement.IsInside(root, path) && !Confinement.LeadsInside(root, path))
            throw new InputException($"{path}: it is a symbolic link to a folder outside the deployment folder, which apimlint does not follow (--follow-symlinks does)");
        return Path.GetFullPath(path);
    }

    private static string RequireFile(string path, string what) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new InputException($"{path}: no such {what}");
}
