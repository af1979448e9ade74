namespace ApimLint.Model;

/// <summary>
/// The parts of a JDBC URL that say which database a datasource reaches, as its driver reads them:
/// engine, host, port (the engine's default when the URL leaves it out) and database (an Oracle SID or
/// service name). What identifies a database is these four; every other parameter (<c>?useSSL=…</c>,
/// <c>;encrypt=…</c>) changes how the driver connects, not where, and is left out, except where the
/// driver takes the server, port or database from one (SQL Server's <c>serverName</c>, <c>portNumber</c>,
/// <c>databaseName</c>). A form this parser does not know (a TNS alias, a MySQL failover host list, an
/// <c>address=(…)</c> host) leaves the host unknown, never guessed: see <see cref="IsIdentified"/>.
/// </summary>
public sealed partial record JdbcUrl(string Engine, string? Host, int? Port, string? Database)
{
    /// <summary>Oracle's <c>host:port:SID</c>: the database is named by its SID, not by a service name.</summary>
    public bool NamedBySid { get; init; }

    /// <summary>H2 without a tcp:// or ssl:// server: a database inside the node itself.</summary>
    public bool IsEmbedded => Engine == "h2" && Host is null;

    /// <summary>The URL says which database it reaches: a server's host, port and database are all known.</summary>
    public bool IsIdentified => !IsEmbedded && Host is not null && Port is not null && Database is not null;

    /// <summary>The port a driver connects to when the URL names none.</summary>
    public static int? DefaultPort(string engine) => engine switch
    {
        "mysql" or "mariadb" => 3306,
        "postgresql" => 5432,
        "sqlserver" => 1433,
        "oracle" => 1521,
        "db2" => 50000,
        "h2" => 9092,
        _ => null,
    };

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
            "postgresql" when !body.StartsWith("//", StringComparison.Ordinal) => ParsePostgresqlLocal(body),
            _ => ParseHostPortPath(engine, body),
        };
    }

    private static JdbcUrl Unknown(string engine) => new(engine, null, null, null);

    // jdbc:mysql://[user:password@]host[:port]/db[?params], jdbc:mariadb://…, jdbc:postgresql://…, jdbc:db2://host:port/db[:params;]
    private static JdbcUrl ParseHostPortPath(string engine, string body)
    {
        if (!body.StartsWith("//", StringComparison.Ordinal)) return Unknown(engine);
        var authorityEnd = body.IndexOfAny(['/', '?', ';'], 2);
        var authority = authorityEnd < 0 ? body[2..] : body[2..authorityEnd];
        // user:password@host: only the host says where the database is (and the password must not reach a message).
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        // A failover list or MySQL's address=(host=…)(port=…) names no single server.
        if (authority.AsSpan().IndexOfAny(",()=") >= 0) return Unknown(engine);
        if (SplitHostPort(authority) is not var (host, port, portWritten) || (portWritten && port is null)) return Unknown(engine);
        // MySQL, MariaDB and PostgreSQL connect to localhost when the URL names no host (jdbc:mysql:///db).
        host ??= engine is "mysql" or "mariadb" or "postgresql" ? "localhost" : null;
        string? database = null;
        if (authorityEnd >= 0 && body[authorityEnd] == '/')
        {
            var path = body[(authorityEnd + 1)..];
            var end = path.IndexOfAny(['?', ';', ':']);
            database = end < 0 ? path : path[..end];
        }
        return new JdbcUrl(engine, host, port ?? DefaultPort(engine), string.IsNullOrEmpty(database) ? null : database);
    }

    // jdbc:postgresql:database and jdbc:postgresql:/ — the local server on the default port.
    private static JdbcUrl ParsePostgresqlLocal(string body)
    {
        var end = body.IndexOf('?');
        var database = (end < 0 ? body : body[..end]).TrimStart('/');
        return new JdbcUrl("postgresql", "localhost", DefaultPort("postgresql"), database.Length == 0 ? null : database);
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

    /// <summary>
    /// host, host:port, [v6]:port, or empty (null host); the port written or not, and null when written but not a number.
    /// </summary>
    private static (string? Host, int? Port, bool PortWritten)? SplitHostPort(string authority)
    {
        var hostEnd = authority.Length;
        if (authority.StartsWith('['))
        {
            hostEnd = authority.IndexOf(']') + 1;
            if (hostEnd == 0) return null;
        }
        else if (authority.IndexOf(':') is >= 0 and var colon) hostEnd = colon;
        var host = authority[..hostEnd];
        if (hostEnd == authority.Length) return (host.Length == 0 ? null : host, null, false);
        if (authority[hostEnd] != ':') return null;
        int? port = int.TryParse(authority.AsSpan(hostEnd + 1), System.Globalization.NumberStyles.None, null, out var p) && p is > 0 and < 65536 ? p : null;
        return (host.Length == 0 ? null : host, port, true);
    }
}
