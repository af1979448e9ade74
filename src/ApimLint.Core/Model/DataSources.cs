using ApimLint.Syntax.Xml;

namespace ApimLint.Model;

/// <summary>One <c>&lt;datasource&gt;</c> of repository/conf/datasources/*.xml.</summary>
public sealed record DataSource(
    XmlElementSyntax Element,
    Located<string> Name,
    Located<string>? JndiName,
    Located<string>? Url,
    Located<string>? Driver,
    Located<string>? User,
    Secret? Password,
    Located<string>? TestOnBorrow,
    Located<string>? ValidationQuery,
    Located<string>? ValidationInterval)
{
    public JdbcUrl? ParsedUrl { get; } = Url is null ? null : JdbcUrl.Parse(Url.Value);
}

/// <summary>The parts of a JDBC URL that say which database a datasource reaches.</summary>
/// <summary>Where a database is: engine, machine (see <see cref="Deployment.MachineOf(Node, string)"/>), port and name.</summary>
public sealed record DatabaseAddress(string Engine, string? Machine, int? Port, string? Database);

public sealed record JdbcUrl(string Engine, string? Host, int? Port, string? Database)
{
    /// <summary>H2 without a tcp:// or ssl:// server: a database inside the node itself.</summary>
    public bool IsEmbedded => Engine == "h2" && Host is null;

    public static JdbcUrl? Parse(string url)
    {
        if (!url.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase)) return null;
        var rest = url[5..];
        var colon = rest.IndexOf(':');
        if (colon <= 0) return null;
        var engine = rest[..colon].ToLowerInvariant();
        var body = rest[(colon + 1)..];
        return engine switch
        {
            "h2" => ParseH2(body),
            "oracle" => ParseOracle(body),
            "sqlserver" => ParseSqlServer(body),
            _ => ParseHostPortPath(engine, body),
        };
    }

    // jdbc:mysql://host:port/db?params, jdbc:postgresql://…, jdbc:mariadb://…, jdbc:db2://…
    private static JdbcUrl ParseHostPortPath(string engine, string body)
    {
        if (!body.StartsWith("//", StringComparison.Ordinal)) return new JdbcUrl(engine, null, null, null);
        var authorityEnd = body.IndexOfAny(['/', '?', ';'], 2);
        var authority = authorityEnd < 0 ? body[2..] : body[2..authorityEnd];
        // user:password@host: only the host says where the database is (and the password must not reach a message).
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var (host, port) = SplitHostPort(authority.Split(',')[0]);
        string? database = null;
        if (authorityEnd >= 0 && body[authorityEnd] == '/')
        {
            var path = body[(authorityEnd + 1)..];
            var end = path.IndexOfAny(['?', ';', ':']);
            database = end < 0 ? path : path[..end];
        }
        return new JdbcUrl(engine, host, port, string.IsNullOrEmpty(database) ? null : database);
    }

    private static JdbcUrl ParseH2(string body)
    {
        foreach (var server in new[] { "tcp:", "ssl:" })
        {
            if (!body.StartsWith(server, StringComparison.OrdinalIgnoreCase)) continue;
            var remote = ParseHostPortPath("h2", body[server.Length..]);
            return remote with { Database = remote.Database?.Split(';')[0] };
        }
        return new JdbcUrl("h2", null, null, body.Split(';')[0]);
    }

    // jdbc:oracle:thin:@host:port:SID or jdbc:oracle:thin:@//host:port/service
    private static JdbcUrl ParseOracle(string body)
    {
        var at = body.IndexOf('@');
        if (at < 0) return new JdbcUrl("oracle", null, null, null);
        var target = body[(at + 1)..].TrimStart('/');
        var parts = target.Split([':', '/'], 3);
        int? port = parts.Length > 1 && int.TryParse(parts[1], out var p) ? p : null;
        return new JdbcUrl("oracle", parts[0], port, parts.Length > 2 ? parts[2] : null);
    }

    // jdbc:sqlserver://host:port;databaseName=db
    private static JdbcUrl ParseSqlServer(string body)
    {
        var parts = body.TrimStart('/').Split(';');
        var (host, port) = SplitHostPort(parts[0]);
        var database = parts.Skip(1).Select(x => x.Split('=', 2))
            .FirstOrDefault(kv => kv.Length == 2 && kv[0].Trim().Equals("databaseName", StringComparison.OrdinalIgnoreCase))?[1];
        return new JdbcUrl("sqlserver", host, port, database);
    }

    private static (string? Host, int? Port) SplitHostPort(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.EndsWith(']')) return (authority.Length == 0 ? null : authority, null);
        return (authority[..colon], int.TryParse(authority[(colon + 1)..], out var port) ? port : null);
    }
}
