using System.CommandLine;
using System.Text;
using ApimLint.Configuration;
using ApimLint.Loading;
using ApimLint.Reporting;

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
        string Node(string role) => Directory.Exists(Path.Combine(dir, role)) ? role : $"TODO: the {role} node's APIM_HOME";
        var nginx = new[] { "nginx/nginx.conf", "nginx.conf" }.FirstOrDefault(p => File.Exists(Path.Combine(dir, p))) ?? "TODO: nginx.conf";
        var sql = Directory.Exists(Path.Combine(dir, "db")) ? "\"db/*.sql\"" : "";
        return $$"""
            // apimlint configuration for this deployment. Paths are relative to this file.
            {
              "$schema": "{{SchemaUrl}}",

              // The two API Manager nodes. "host" and "portOffset" say what their files cannot,
              // e.g. an offset given with -DportOffset=1; "os" is "linux" or "windows".
              "nodes": [
                { "name": "active", "role": "active", "path": "{{Node("active")}}" },
                { "name": "passive", "role": "passive", "path": "{{Node("passive")}}" },
              ],
              "nginx": "{{nginx}}",
              // Database provisioning scripts (CREATE DATABASE ...); globs are allowed.
              "sql": [{{sql}}],
              "os": "linux",
              // How deployed artifacts reach the passive: "rsync" (the guide's one-way copy from the active:
              // publish on the active only) or "shared-filesystem" (both nodes mount the same synapse-configs
              // and executionplans, so each may publish and the passive may back up the management apps).
              "artifactSync": "rsync",

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
}
