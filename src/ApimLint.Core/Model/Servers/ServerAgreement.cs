namespace ApimLint.Model.Servers;

/// <summary>A node whose written value for a key differs from the first node's that writes it.</summary>
public sealed record SettingDivergence(ServerNode Node, Setting Setting, ServerNode First, Setting FirstSetting);

/// <summary>Keys every node of a deployment must write alike.</summary>
public static class ServerAgreement
{
    /// <summary>
    /// Each node whose written value for <paramref name="path"/> differs from the first node's that writes one. A key not written,
    /// a <c>$secret{…}</c> or a value set at start-up (<c>$env{…}</c>) is not compared: its value is not known here.
    /// </summary>
    public static IEnumerable<SettingDivergence> Divergences(this Deployment deployment, string path, StringComparer comparer) =>
        deployment.Servers.Divergences(path, comparer);

    /// <summary>The same among <paramref name="nodes"/> only (a group of peers).</summary>
    public static IEnumerable<SettingDivergence> Divergences(this IEnumerable<ServerNode> nodes, string path, StringComparer comparer)
    {
        var written = nodes
            .Select(node => (Node: node, Setting: node.Settings.Get(path)))
            .Where(n => n.Setting is { Source: SettingSource.File, IsSecret: false, IsArray: false, Value: not null })
            .ToList();
        if (written.Count < 2) yield break;
        var (first, reference) = written[0];
        foreach (var (node, setting) in written.Skip(1))
            if (!comparer.Equals(setting!.Value!.Trim(), reference!.Value!.Trim()))
                yield return new(node, setting, first, reference);
    }
}
