using System.Text.Json;
using ApimLint.Model;
using ApimLint.Model.Servers;
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
        if (deployment.ConfiguredByToml)
        {
            WriteServersText(Line);
            return;
        }
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

    /// <summary>API-M 3.x/4.x: each node with its role, group, offset and addresses, then every link its settings make to another node.</summary>
    private void WriteServersText(Action<string> line)
    {
        var release = deployment.ProductVersion is { } version ? $"API-M {version}" : "API-M 3.x/4.x";
        line($"{deployment.Servers.Count} nodes ({release}, configured by deployment.toml):");
        foreach (var node in deployment.Servers)
        {
            var addresses = node.Addresses.Distinct(StringComparer.Ordinal).ToList();
            line($"    {node.Name}: {node.Role.Name()}, group {Shown(node.Group)}, offset {node.PortOffset}, " +
                 (addresses.Count == 0 ? "no address stated" : $"goes by {string.Join(", ", addresses.Select(Shown))}"));
        }
        var links = deployment.Links();
        line(links.Count == 0 ? "No link between the nodes is known." : "Links:");
        foreach (var link in links)
            line($"    {link.From.Name} -> {link.To.Name}: {link.Kind.Name()} ({Where(link.Source.Location)})");
    }

    private void WriteServersJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteStartArray("nodes");
        foreach (var node in deployment.Servers)
        {
            json.WriteStartObject();
            json.WriteString("name", node.Name);
            json.WriteString("role", node.Role.Name());
            json.WriteString("group", node.Group);
            json.WriteNumber("offset", node.PortOffset);
            json.WriteStartArray("addresses");
            foreach (var address in node.Addresses.Distinct(StringComparer.Ordinal)) json.WriteStringValue(Shown(address));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("links");
        foreach (var link in deployment.Links())
        {
            json.WriteStartObject();
            json.WriteString("from", link.From.Name);
            json.WriteString("to", link.To.Name);
            json.WriteString("kind", link.Kind.Name());
            WriteLocation(json, "location", link.Source.Location);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public void WriteJson(TextWriter output)
    {
        JsonOutput.Write(output, json =>
        {
            if (deployment.ConfiguredByToml)
            {
                WriteServersJson(json);
                return;
            }
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
