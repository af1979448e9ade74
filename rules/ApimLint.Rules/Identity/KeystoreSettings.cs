using ApimLint.Diagnostics;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Identity;

/// <summary>The keys that say which keystore a node uses, and how a finding about a difference reads.</summary>
internal static class KeystoreSettings
{
    /// <summary>Java reads keystore types and aliases without case; passwords are compared, never shown.</summary>
    public static readonly (string Key, StringComparer Comparer, bool Secret)[] Keys =
    [
        ("file_name", StringComparer.Ordinal, false),
        ("alias", StringComparer.OrdinalIgnoreCase, false),
        ("type", StringComparer.OrdinalIgnoreCase, false),
        ("password", StringComparer.Ordinal, true),
        ("key_password", StringComparer.Ordinal, true),
    ];

    /// <summary>"node2's [keystore.tls] file_name is b.jks, node1's is a.jks" (a secret: "differs … (not shown)").</summary>
    public static string Difference(SettingDivergence d, string table, string key, bool secret) =>
        secret
            ? $"{d.Node.Name}'s [{table}] {key} differs from {d.First.Name}'s (not shown)"
            : $"{d.Node.Name}'s [{table}] {key} is {d.Setting.Value}, {d.First.Name}'s is {d.FirstSetting.Value}";

    public static RelatedLocation FirstNode(SettingDivergence d, string table, string key) =>
        new(d.FirstSetting.Location, $"{d.First.Name}'s [{table}] {key}");
}
