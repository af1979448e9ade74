using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Syntax.Json;
using ApimLint.Text;

namespace ApimLint.Configuration;

/// <summary>
/// Reads apimlint.json (JSON with comments and trailing commas) strictly: an unknown key or a value
/// of the wrong type is an error at its line and column, with the closest known key suggested.
/// </summary>
public static class ConfigReader
{
    public const string FileName = "apimlint.json";

    /// <summary>
    /// The config given, or the nearest apimlint.json from <paramref name="folder"/> up to the root of the repository
    /// holding it (the nearest folder with .git; without one, the folder only); <see cref="ProjectConfig.None"/> when
    /// there is none. A found file that another user owns or can write is ignored with a warning: in a shared folder
    /// above a checkout it is not the deployment's. Either way the paths it names must stay inside <paramref name="folder"/>.
    /// </summary>
    /// <param name="rules">The rules "rules" may name, by ID or name.</param>
    public static ProjectConfig Find(string folder, string? explicitFile, IReadOnlyList<RuleDescriptor> rules)
    {
        folder = Path.GetFullPath(folder);
        if (explicitFile is not null)
            return File.Exists(explicitFile) ? Read(explicitFile, folder, rules) : throw new ConfigException($"{explicitFile}: no such configuration file");
        foreach (var dir in SearchedFolders(folder))
        {
            var candidate = Path.Combine(dir, FileName);
            if (FileStatus.KindOf(candidate, followLinks: false) == FileKind.Missing) continue;
            if (Confinement.ReadProblem(candidate, dir, $"the folder {FileName} is in", followLinks: null) is { } problem)
                throw new ConfigException($"{candidate}: {problem}");
            if (FileStatus.NotOwnedReason(candidate) is { } reason)
            {
                ReadScope.Warn($"{candidate}: ignored, {reason}");
                continue;
            }
            return Read(candidate, folder, rules);
        }
        return ProjectConfig.None;
    }

    /// <summary>The folder and its parents up to the nearest one holding .git; the folder alone when none does.</summary>
    private static IEnumerable<string> SearchedFolders(string folder)
    {
        var chain = new List<string>();
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            chain.Add(dir.FullName);
            if (Path.Exists(Path.Combine(dir.FullName, ".git"))) return chain;
        }
        return [folder];
    }

    /// <summary>
    /// Reads a configuration file; with <paramref name="deploymentFolder"/>, every path it names must stay inside that folder;
    /// with <paramref name="rules"/>, "rules" names only those (by ID or name, kept by ID), else only the form of an ID is checked.
    /// </summary>
    public static ProjectConfig Read(string path, string? deploymentFolder = null, IReadOnlyList<RuleDescriptor>? rules = null)
    {
        var source = SourceReader.Read(Path.GetFullPath(path));
        var document = JsonParser.Parse(source);
        if (document.Error is { } error) throw new ConfigException($"{path}:{error.Position}: {error.Message}");
        var reader = new Reader(path, deploymentFolder, rules);
        var root = reader.Object(document.Root!, "the configuration");
        var config = new ProjectConfig { File = source.Path };
        foreach (var property in root.Properties)
        {
            config = property.Name switch
            {
                "$schema" => config with { },
                "nodes" => config with { Nodes = reader.Array(property.Value, "nodes").Select((n, i) => reader.Node(n, i)).ToList() },
                "version" => config with { Version = reader.Version(property.Value) },
                "nginx" => reader.Nginx(property.Value, config),
                "sql" => config with { Sql = reader.Array(property.Value, "sql").Select(i => reader.Path(i, "sql[]")).ToList() },
                "os" => config with { Os = reader.Os(property.Value, "os") },
                "artifactSync" => config with { ArtifactSync = reader.ArtifactSync(property.Value, "artifactSync") },
                "rules" => config with { Rules = reader.Rules(property.Value) },
                "failLevel" => config with { FailLevel = reader.Severity(property.Value, "failLevel") },
                "baseline" => config with { Baseline = reader.Path(property.Value, "baseline") },
                "drift" => config with { Drift = reader.Drift(property.Value) },
                _ => throw reader.Unknown(property, ["$schema", "version", "nodes", "nginx", "sql", "os", "artifactSync", "rules", "failLevel", "baseline", "drift"]),
            };
        }
        var roles = config.Nodes.Select(n => n.Role).ToList();
        if (config.HasServerRoles)
        {
            if (roles.Any(r => r is not null))
                throw new ConfigException($"{path}: nodes are either an active and a passive node (API-M 2.x) or nodes in roles (API-M 3.x/4.x), not both");
            if (config.Nodes.GroupBy(n => n.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new ConfigException($"{path}: two nodes are named '{twice.Key}': each node needs its own name");
        }
        else if (config.Nodes.Count > 0 && (roles.Count(r => r == NodeRole.Active) != 1 || roles.Count(r => r == NodeRole.Passive) != 1))
            throw new ConfigException($"{path}: nodes must name exactly one active and one passive node");
        return config;
    }

    private sealed class Reader(string path, string? deploymentFolder, IReadOnlyList<RuleDescriptor>? rules)
    {
        /// <summary>
        /// A path relative to the file; with a deployment folder, one that stays inside it as written and once its
        /// links are resolved (a glob's folders too), since whoever wrote the file may not make apimlint read elsewhere.
        /// </summary>
        public string Path(JsonNodeSyntax node, string what)
        {
            var value = String(node, what);
            if (deploymentFolder is null) return value;
            string full;
            try
            {
                full = System.IO.Path.GetFullPath(value, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw Error(node, $"{what} is not a valid path");
            }
            var globAt = full.IndexOfAny(['*', '?', '[', '{']);
            var fixedPart = globAt < 0 ? full : full[..(full.LastIndexOf(System.IO.Path.DirectorySeparatorChar, globAt) + 1)];
            if (!Confinement.IsInside(deploymentFolder, full) || !Confinement.LeadsInside(deploymentFolder, fixedPart))
                throw Error(node, $"{what} leads outside the deployment folder, which apimlint does not read or write");
            return value;
        }

        /// <summary>"nginx": the path of nginx.conf, or an object with that path and the prefix nginx runs with.</summary>
        public ProjectConfig Nginx(JsonNodeSyntax node, ProjectConfig config)
        {
            if (node is JsonScalarSyntax { Kind: JsonScalarKind.String }) return config with { Nginx = Path(node, "nginx") };
            if (node is not JsonObjectSyntax o) throw Error(node, "nginx must be a string or an object");
            foreach (var p in o.Properties)
            {
                config = p.Name switch
                {
                    "path" => config with { Nginx = Path(p.Value, "nginx.path") },
                    "prefix" => config with { NginxPrefix = Prefix(p.Value) },
                    _ => throw Unknown(p, ["path", "prefix"]),
                };
            }
            return config;
        }

        private string Prefix(JsonNodeSyntax node)
        {
            var value = String(node, "nginx.prefix");
            return value.StartsWith('/') ? value : throw Error(node, "nginx.prefix must be an absolute path, such as /usr/local/nginx/conf");
        }

        public ConfigException Error(Syntax.SyntaxNode at, string message) =>
            new($"{path}:{at.Source.GetLinePosition(at.Span.Start)}: {message}");

        public ConfigException Unknown(JsonPropertySyntax property, IReadOnlyList<string> known)
        {
            var hint = EditDistance.Nearest(property.Name, known, 3) is { } closest ? $" (did you mean '{closest}'?)" : $" (known: {string.Join(", ", known)})";
            return new ConfigException($"{path}:{property.Source.GetLinePosition(property.NameSpan.Start)}: unknown key '{property.Name}'{hint}");
        }

        public JsonObjectSyntax Object(JsonNodeSyntax node, string what) => node as JsonObjectSyntax ?? throw Error(node, $"{what} must be an object");

        public IReadOnlyList<JsonNodeSyntax> Array(JsonNodeSyntax node, string what) => (node as JsonArraySyntax)?.Items ?? throw Error(node, $"{what} must be an array");

        public string String(JsonNodeSyntax node, string what) =>
            node is JsonScalarSyntax { Kind: JsonScalarKind.String } s ? s.Value : throw Error(node, $"{what} must be a string");

        /// <summary>A host the node runs on: fixes write it into the files (a broker list, a member list), so nothing but a host.</summary>
        public string Host(JsonNodeSyntax node, string what) =>
            String(node, what) is var host && Hosts.IsHostOrAddress(host)
                ? host
                : throw Error(node, $"{what} must be a host name (letters, digits, '-', '.', '_'), an IPv4 or an IPv6 address");

        public IReadOnlyList<string> Strings(JsonNodeSyntax node, string what) => Array(node, what).Select(i => String(i, $"{what}[]")).ToList();

        public int Integer(JsonNodeSyntax node, string what) =>
            node is JsonScalarSyntax { Kind: JsonScalarKind.Number } s && int.TryParse(s.Value, out var n) && n >= 0 ? n : throw Error(node, $"{what} must be a whole number");

        public TargetOs Os(JsonNodeSyntax node, string what) => String(node, what) switch
        {
            "linux" => TargetOs.Linux,
            "windows" => TargetOs.Windows,
            _ => throw Error(node, $"{what} must be \"linux\" or \"windows\""),
        };

        public ArtifactSync ArtifactSync(JsonNodeSyntax node, string what) => String(node, what) switch
        {
            "rsync" => Model.ArtifactSync.Rsync,
            "shared-filesystem" => Model.ArtifactSync.SharedFilesystem,
            _ => throw Error(node, $"{what} must be \"rsync\" or \"shared-filesystem\""),
        };

        public Severity Severity(JsonNodeSyntax node, string what) => String(node, what) switch
        {
            "error" => Diagnostics.Severity.Error,
            "warning" => Diagnostics.Severity.Warning,
            "note" => Diagnostics.Severity.Note,
            "none" => Diagnostics.Severity.None,
            _ => throw Error(node, $"{what} must be \"error\", \"warning\", \"note\" or \"none\""),
        };

        /// <summary>"rules": each rule's severity, by ID; a rule named twice (by ID and by name) is an error.</summary>
        public Dictionary<string, Severity> Rules(JsonNodeSyntax node)
        {
            var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
            foreach (var p in Object(node, "rules").Properties)
            {
                if (!severities.TryAdd(RuleId(p), Severity(p.Value, $"rules.{p.Name}")))
                    throw new ConfigException($"{path}:{p.Source.GetLinePosition(p.NameSpan.Start)}: rule {RuleId(p)} is named twice in rules");
            }
            return severities;
        }

        /// <summary>The ID of the rule a "rules" key names; a rule this apimlint does not have is an error, with the nearest it has.</summary>
        public string RuleId(JsonPropertySyntax property)
        {
            var at = $"{path}:{property.Source.GetLinePosition(property.NameSpan.Start)}";
            if (rules is null)
                return System.Text.RegularExpressions.Regex.IsMatch(property.Name, @"^APIM\d{3}$", System.Text.RegularExpressions.RegexOptions.NonBacktracking)
                    ? property.Name
                    : throw new ConfigException($"{at}: '{property.Name}' is not a rule ID (APIMnnn)");
            if (rules.FirstOrDefault(r => r.Id == property.Name || r.Name == property.Name) is { } rule) return rule.Id;
            var hint = EditDistance.Nearest(property.Name, rules.Select(r => r.Id).Concat(rules.Select(r => r.Name)), Math.Max(1, property.Name.Length / 4)) is { } closest
                ? $"; did you mean '{closest}'?" : " (see `apimlint rules`)";
            throw new ConfigException($"{at}: unknown rule '{property.Name}'{hint}");
        }

        public NodeConfig Node(JsonNodeSyntax node, int index)
        {
            var o = Object(node, $"nodes[{index}]");
            string? name = null, nodePath = null, host = null, group = null;
            NodeRole? role = null;
            Model.Servers.ServerRole? server = null;
            int? offset = null;
            TargetOs? os = null;
            IReadOnlyList<string> aliases = [];
            foreach (var p in o.Properties)
            {
                var what = $"nodes[{index}].{p.Name}";
                switch (p.Name)
                {
                    case "name": name = String(p.Value, what); break;
                    case "role":
                        var roleName = String(p.Value, what);
                        role = roleName switch { "active" => NodeRole.Active, "passive" => NodeRole.Passive, _ => null };
                        server = Model.Servers.ServerRoles.Parse(roleName);
                        if (role is null && server is null)
                            throw Error(p.Value, $"{what} must be one of {string.Join(", ", RoleNames.Select(r => $"\"{r}\""))}");
                        break;
                    case "group": group = String(p.Value, what); break;
                    case "path": nodePath = Path(p.Value, what); break;
                    case "host": host = Host(p.Value, what); break;
                    case "portOffset": offset = Integer(p.Value, what); break;
                    case "os": os = Os(p.Value, what); break;
                    case "aliases": aliases = Array(p.Value, what).Select(i => Host(i, $"{what}[]")).ToList(); break;
                    default: throw Unknown(p, ["name", "role", "group", "path", "host", "aliases", "portOffset", "os"]);
                }
            }
            if (role is null && server is null) throw Error(node, $"nodes[{index}] needs a role ({string.Join(", ", RoleNames.Select(r => $"\"{r}\""))})");
            if (nodePath is null) throw Error(node, $"nodes[{index}] needs a path (its APIM_HOME)");
            if (group is not null && server is null) throw Error(node, $"nodes[{index}].group is for nodes in 3.x/4.x roles; an active-passive pair is one group");
            var defaultName = role?.ToString().ToLowerInvariant() ?? $"{Model.Servers.ServerRoles.Name(server!.Value)}-{index + 1}";
            return new NodeConfig(name ?? defaultName, role, nodePath, host, offset, os) { Aliases = aliases, Server = server, Group = group };
        }

        private static IEnumerable<string> RoleNames => new[] { "active", "passive" }.Concat(Model.Servers.ServerRoles.AllNames);

        public ProductVersion Version(JsonNodeSyntax node) =>
            ProductVersion.Parse(String(node, "version")) ?? throw Error(node, "version must be a release such as \"4.4.0\"");

        public DriftSettings Drift(JsonNodeSyntax node)
        {
            var drift = DriftSettings.None;
            foreach (var p in Object(node, "drift").Properties)
            {
                drift = p.Name switch
                {
                    "ignore" => drift with { Ignore = Strings(p.Value, "drift.ignore") },
                    "nodeSpecific" => drift with { NodeSpecific = Strings(p.Value, "drift.nodeSpecific") },
                    "mustEqual" => drift with { MustEqual = Strings(p.Value, "drift.mustEqual") },
                    _ => throw Unknown(p, ["ignore", "nodeSpecific", "mustEqual"]),
                };
            }
            return drift;
        }
    }
}
