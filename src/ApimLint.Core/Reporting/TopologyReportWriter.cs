using System.Text.Json;
using ApimLint.Model;
using ApimLint.Reporting.Escaping;
using ApimLint.Secrets;
using ApimLint.Text;

namespace ApimLint.Reporting;

/// <summary>`apimlint topology`: what apimlint derived about the deployment's machines, and the evidence, as text or JSON.</summary>
public sealed class TopologyReportWriter(Deployment deployment, string baseDirectory)
{
    private Topology Topology => deployment.Topology;

    /// <summary>Each line is composed first and escaped whole, so no value can start a workflow command after the indentation.</summary>
    public void WriteText(TextWriter output)
    {
        void Line(string text) => output.WriteLine(TerminalText.LineStart(text));
        Line(Verdict());
        foreach (var node in deployment.Nodes)
        {
            var addresses = Topology.AddressesOf(node);
            Line(addresses.Count == 0 ? $"{node.Name} goes by no name or address the deployment states" : $"{node.Name} goes by:");
            foreach (var address in addresses)
                Line($"    {Shown(address.Name)} ({Shown(address.Source)}{(address.Where is { } where ? ", " + Where(where) : "")})");
        }
        Line(Topology.Clues.Count == 0 ? "No evidence." : "Evidence:");
        foreach (var clue in Topology.Clues)
        {
            Line($"    {Says(clue)}: {Shown(clue.Fact)}");
            foreach (var where in clue.Where) Line($"        {Where(where)}");
        }
    }

    public void WriteJson(TextWriter output)
    {
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("sharedHost", Topology.Sharing switch { HostSharing.Shared => "yes", HostSharing.Separate => "no", _ => "unknown" });
            json.WriteBoolean("weak", Topology.Weak);
            json.WriteBoolean("settled", Topology.Settled);
            json.WriteString("reason", SecretMask.Apply(Topology.Evidence));
            json.WriteStartObject("nodes");
            foreach (var node in deployment.Nodes)
            {
                json.WriteStartArray(node.Name);
                foreach (var address in Topology.AddressesOf(node))
                {
                    json.WriteStartObject();
                    json.WriteString("name", SecretMask.Apply(address.Name));
                    json.WriteString("source", address.Source);
                    if (address.Where is { } where) WriteLocation(json, "location", where);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartArray("evidence");
            foreach (var clue in Topology.Clues)
            {
                json.WriteStartObject();
                json.WriteString("fact", SecretMask.Apply(clue.Fact));
                json.WriteString("says", clue.Says switch { HostSharing.Shared => "shared", HostSharing.Separate => "separate", _ => "nothing" });
                json.WriteBoolean("strong", clue.Strong);
                json.WriteStartArray("locations");
                foreach (var where in clue.Where) WriteLocation(json, null, where);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private string Verdict()
    {
        var because = Shown(Topology.Evidence);
        return Topology.Sharing switch
        {
            HostSharing.Unknown when Topology.Conflicting =>
                $"Unknown whether the nodes share a host: {because}. The checks that depend on it stay silent; settle it with each node's host in apimlint.json (nodes[].host).",
            HostSharing.Unknown => "Unknown whether the nodes share a host: the deployment does not say. The checks that depend on it stay silent.",
            _ => $"The nodes run on {(Topology.SharedHost ? "one host" : "two hosts")}: {because}" +
                 (Topology.Settled ? " (apimlint.json settles it)." : Topology.Weak ? " (weak evidence only: no fix that depends on it is offered)." : "."),
        };
    }

    private static string Says(TopologyClue clue) => clue.Says switch
    {
        HostSharing.Shared => clue.Strong ? "one host" : "one host (weak)",
        HostSharing.Separate => clue.Strong ? "two hosts" : "two hosts (weak)",
        _ => "no evidence",
    };

    private static string Shown(string value) => SecretMask.Apply(value);

    private string Where(Location location)
    {
        var path = PathDisplay.Relative(location.Path, baseDirectory);
        return location.Start is { } start ? $"{path}:{start.Line}:{start.Column}" : path;
    }

    private void WriteLocation(Utf8JsonWriter json, string? name, Location location)
    {
        if (name is null) json.WriteStartObject();
        else json.WriteStartObject(name);
        json.WriteString("file", PathDisplay.Relative(location.Path, baseDirectory));
        if (location.Start is { } start)
        {
            json.WriteNumber("line", start.Line);
            json.WriteNumber("column", start.Column);
        }
        json.WriteEndObject();
    }
}
