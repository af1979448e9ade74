using ApimLint.Text;

namespace ApimLint.Model.Servers;

/// <summary>How a <c>[database.*]</c> table names its database: a JDBC <c>url</c>, or <c>type</c>, <c>hostname</c>, <c>port</c> and <c>name</c>.</summary>
public enum DatabaseForm { Url, HostAndName }

/// <summary>
/// Where a node's <c>[database.apim_db]</c> or <c>[database.shared_db]</c> reaches, as written: the pack's default is an embedded
/// H2 file inside the node. <see cref="Address"/> is null when the table does not say which server (a value set at start-up, a
/// form apimlint does not read); then nothing is judged.
/// </summary>
public sealed record ServerDatabase(string Table, bool Written, bool Embedded, JdbcUrl? Address, DatabaseForm Form, Location Location)
{
    public const string ApimDb = "database.apim_db";
    public const string SharedDb = "database.shared_db";

    /// <summary>
    /// The <c>type</c> values whose URL the configuration mapper builds as <c>jdbc:engine://hostname:port/name</c>: these compare with a
    /// url written as such. The others (mssql, oracle, db2) compare only with the same form.
    /// </summary>
    private static readonly Dictionary<string, string> UrlEngines = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mysql"] = "mysql", ["mariadb"] = "mariadb", ["postgre"] = "postgresql", ["postgresql"] = "postgresql",
    };

    private static readonly Dictionary<string, string> OtherEngines = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mssql"] = "sqlserver", ["oracle"] = "oracle", ["db2"] = "db2",
    };

    /// <summary>The node's table; null when its deployment.toml was not read.</summary>
    public static ServerDatabase? Of(ServerNode node, string table)
    {
        var settings = node.Settings;
        if (!settings.Known) return null;
        var url = settings.Get($"{table}.url");
        var type = settings.Get($"{table}.type");
        if (url is { Source: SettingSource.File })
        {
            var parsed = url.Value is { } value ? JdbcUrl.Parse(value.Trim()) : null;
            return new(table, true, parsed?.IsEmbedded == true, parsed is { IsIdentified: true } ? parsed : null, DatabaseForm.Url, url.Location);
        }
        var hostname = settings.Get($"{table}.hostname");
        var written = new[] { type, hostname, settings.Get($"{table}.name"), settings.Get($"{table}.port") }.Any(s => s is { Source: SettingSource.File });
        if (!written) return new(table, false, true, null, DatabaseForm.HostAndName, settings.PlaceFor($"{table}.url"));
        var location = (hostname ?? type)?.Location ?? settings.PlaceFor($"{table}.url");
        // type = "h2" without a url: the mapper's url is the embedded file, as in the pack.
        var embedded = type?.Value?.Trim().Equals("h2", StringComparison.OrdinalIgnoreCase) == true;
        return new(table, true, embedded, embedded ? null : FromParts(settings, table), DatabaseForm.HostAndName, location);
    }

    /// <summary>Whether the two reach one address the same way: a url against the host-and-name form only when the engine's URL is certain.</summary>
    public bool ComparableWith(ServerDatabase other) =>
        Form == other.Form || (Address is { } a && other.Address is { } b && IsUrlEngine(a.Engine) && IsUrlEngine(b.Engine));

    /// <summary>"mysql://mysql.wso2.com:3306/WSO2AM_DB": the parts that say which database, never credentials.</summary>
    public string Describe() => Address is { } a ? $"{a.Engine}://{a.Host}:{a.Port}/{a.Database}" : "an unknown database";

    private static JdbcUrl? FromParts(ServerSettings settings, string table)
    {
        if (settings.Get($"{table}.type")?.Value?.Trim() is not { } type) return null;
        var engine = UrlEngines.GetValueOrDefault(type) ?? OtherEngines.GetValueOrDefault(type);
        if (engine is null || settings.Get($"{table}.hostname")?.Value?.Trim() is not { Length: > 0 } host
            || settings.Get($"{table}.name")?.Value?.Trim() is not { Length: > 0 } name) return null;
        var port = settings.Get($"{table}.port") is { } written
            ? int.TryParse(written.Value?.Trim(), System.Globalization.NumberStyles.None, null, out var p) ? p : (int?)null
            : JdbcUrl.DefaultPort(engine);
        return port is null ? null : new JdbcUrl(engine, host, port, name);
    }

    private static bool IsUrlEngine(string engine) => UrlEngines.ContainsValue(engine);
}
