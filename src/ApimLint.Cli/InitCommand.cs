using System.CommandLine;
using System.Text;
using ApimLint.Configuration;
using ApimLint.Loading;
using ApimLint.Reporting;
using ApimLint.Syntax.Json;

namespace ApimLint.Cli;

/// <summary>`apimlint init [DIR]`: a commented apimlint.json for the deployment folder, filled from what is there.</summary>
internal static class InitCommand
{
    public const string SchemaUrl = ProjectInfo.HomePage + "/raw/main/src/ApimLint.Core/Configuration/apimlint.schema.json";

    public static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("DIR") { Description = "The deployment folder.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var command = new Command("init", $"Write a commented {ConfigReader.FileName} for the deployment folder.") { folder };
        command.SetAction(parse =>
        {
            var dir = Path.GetFullPath(parse.GetValue(folder)!, console.WorkingDirectory);
            if (!Directory.Exists(dir)) throw new UsageException($"{dir}: no such folder");
            var target = Path.Combine(dir, ConfigReader.FileName);
            if (FileStatus.KindOf(target, followLinks: false) != FileKind.Missing)
                throw new UsageException($"{PathDisplay.Relative(target, console.WorkingDirectory)} already exists; edit it instead");
            AtomicFile.Write(target, stream => stream.Write(new UTF8Encoding(false).GetBytes(Starter(dir))));
            console.Error.WriteLine($"wrote {PathDisplay.Relative(target, console.WorkingDirectory)}");
            return ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>The starter file: what the folder holds, every setting explained, nothing changed from the defaults.</summary>
    private static string Starter(string dir)
    {
        var servers = ServerDiscovery.Find(dir);
        string Node(string role) => Directory.Exists(Path.Combine(dir, role)) ? role : $"TODO: the {role} node's APIM_HOME";
        var nginx = new[] { "nginx/nginx.conf", "nginx.conf" }.FirstOrDefault(p => File.Exists(Path.Combine(dir, p))) ?? "TODO: nginx.conf";
        var sql = Directory.Exists(Path.Combine(dir, "db")) ? "\"db/*.sql\"" : "";
        var nodes = servers.Count > 0 ? ServerNodes(servers) : PairNodes(Node("active"), Node("passive"));
        var artifactSync = servers.Count > 0 ? "" : ArtifactSync;
        return $$"""
            // apimlint configuration for this deployment. Paths are relative to this file.
            {
              "$schema": "{{SchemaUrl}}",

            {{nodes}}  "nginx": "{{nginx}}",
              // Database provisioning scripts (CREATE DATABASE ...); globs are allowed.
              "sql": [{{sql}}],
              "os": "linux",
            {{artifactSync}}
              // Severity per rule, by ID or name: "error", "warning", "note" or "none" (off). `apimlint rules` lists them.
              "rules": {
                // "APIM203": "note",
              },
              // The lowest severity that fails the run (exit 1): "error", "warning", "note" or "none".
              "failLevel": "error",
              // Findings accepted when the gate was adopted: `apimlint baseline write` records them here.
              "baseline": "{{BaselineCommand.DefaultFile}}",

              // Drift between the nodes: globs of paths never compared, expected to differ, or required to be equal.
              "drift": {
                "ignore": [],
                "nodeSpecific": [],
                "mustEqual": [],
              },
            }

            """;
    }

    private static string PairNodes(string active, string passive) => Lines(
        "// The two API Manager nodes. \"host\" and \"portOffset\" say what their files cannot,",
        "// e.g. an offset given with -DportOffset=1; \"os\" is \"linux\" or \"windows\".",
        "\"nodes\": [",
        $"  {{ \"name\": \"active\", \"role\": \"active\", \"path\": \"{active}\" }},",
        $"  {{ \"name\": \"passive\", \"role\": \"passive\", \"path\": \"{passive}\" }},",
        "],");

    private static readonly string ArtifactSync = Lines(
        "// How deployed artifacts reach the passive: \"rsync\" (the guide's one-way copy from the active:",
        "// publish on the active only) or \"shared-filesystem\" (both nodes mount the same synapse-configs",
        "// and executionplans, so each may publish and the passive may back up the management apps).",
        "\"artifactSync\": \"rsync\",");

    /// <summary>API-M 3.x/4.x: the folders configured by deployment.toml, each with the role its files suggest.</summary>
    private static string ServerNodes(IReadOnlyList<(string Folder, Model.Servers.ServerRole? Role)> servers) => Lines(
        [
            "// The API Manager release the nodes run: their deployment.toml files do not say it.",
            "// \"version\": \"4.4.0\",",
            "// The API-M 3.x/4.x nodes, each configured by its repository/conf/deployment.toml. Roles are read from",
            "// each node's distribution or [server] server_role where they say one: check them. Roles: \"all-in-one\", \"control-plane\",",
            "// \"gateway\", \"traffic-manager\", \"key-manager\"; nodes of one role back each other up (\"group\" names",
            "// another set of peers). Give each node's \"host\" (and \"aliases\") so that the endpoints the nodes",
            "// write can be tied to them.",
            "\"nodes\": [",
            .. servers.Select(s => JsonEscaping.StringContent(s.Folder) is { } folder
                ? $"  {{ \"name\": \"{folder}\", \"role\": \"{Model.Servers.ServerRoles.Name(s.Role ?? Model.Servers.ServerRole.AllInOne)}\", \"path\": \"{folder}\" }},"
                  + (s.Role is null ? " // TODO: its files do not state a role; all-in-one is a guess" : "")
                : "  // (a folder whose name JSON cannot hold is left out)"),
            "],",
        ]);

    /// <summary>Lines at the starter's indentation (two spaces), each ending with a newline.</summary>
    private static string Lines(params IEnumerable<string> lines) => string.Concat(lines.Select(line => "  " + line + "\n"));
}
