namespace ApimLint.Model;

/// <summary>The Oracle thin and SQL Server forms, whose servers and databases are not a URL path.</summary>
public sealed partial record JdbcUrl
{
    // jdbc:oracle:thin:[user/password]@target, the target one of host:port:SID, [//]host[:port]/service[?params],
    // or a TNS descriptor (DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=h)(PORT=p))(CONNECT_DATA=(SERVICE_NAME=s))).
    // A bare name is a TNS alias, resolved through tnsnames.ora: unknown here.
    private static JdbcUrl ParseOracle(string body)
    {
        var at = body.LastIndexOf('@');
        if (at < 0) return Unknown("oracle");
        var target = body[(at + 1)..].Trim();
        if (target.StartsWith('(')) return ParseOracleDescriptor(target);
        var slashed = target.StartsWith("//", StringComparison.Ordinal);
        if (slashed) target = target[2..];
        var query = target.IndexOf('?');
        if (query >= 0) target = target[..query];
        var hostEnd = target.StartsWith('[') ? target.IndexOf(']') + 1 : target.IndexOfAny([':', '/']);
        if (hostEnd <= 0 || hostEnd == target.Length) return Unknown("oracle");
        var host = target[..hostEnd];
        var rest = target[hostEnd..];
        int? port = DefaultPort("oracle");
        if (rest.StartsWith(':'))
        {
            var portEnd = rest.IndexOfAny([':', '/'], 1);
            if (portEnd < 0 || !int.TryParse(rest.AsSpan(1, portEnd - 1), System.Globalization.NumberStyles.None, null, out var written)) return Unknown("oracle");
            port = written;
            rest = rest[portEnd..];
        }
        var name = rest[1..];
        // The service name may be followed by :server_type or /instance_name, which do not change the database.
        var nameEnd = name.IndexOfAny([':', '/']);
        if (nameEnd >= 0) name = name[..nameEnd];
        if (name.Length == 0) return Unknown("oracle");
        return new JdbcUrl("oracle", host, port, name) { NamedBySid = rest[0] == ':' && !slashed };
    }

    private static JdbcUrl ParseOracleDescriptor(string descriptor)
    {
        if (DescriptorValues(descriptor) is not { } values) return Unknown("oracle");
        string? Only(string key) => values.Count(v => v.Key == key) == 1 ? values.First(v => v.Key == key).Value : null;
        // Several addresses are a failover or load-balancing list: no single server.
        if (values.Count(v => v.Key == "HOST") != 1 || values.Count(v => v.Key == "PORT") > 1) return Unknown("oracle");
        if (Only("PROTOCOL") is { } protocol && !protocol.Equals("TCP", StringComparison.OrdinalIgnoreCase) && !protocol.Equals("TCPS", StringComparison.OrdinalIgnoreCase))
            return Unknown("oracle");
        int? port = Only("PORT") is not { } written ? DefaultPort("oracle")
            : int.TryParse(written, System.Globalization.NumberStyles.None, null, out var p) ? p : null;
        var (service, sid) = (Only("SERVICE_NAME"), Only("SID"));
        if (port is null || (service is null) == (sid is null)) return Unknown("oracle");
        return new JdbcUrl("oracle", Only("HOST"), port, service ?? sid) { NamedBySid = sid is not null };
    }

    /// <summary>
    /// The (KEY=value) leaves of a TNS descriptor, keys upper-cased, read in one pass; null when the
    /// parentheses do not balance or text stands outside them.
    /// </summary>
    private static List<(string Key, string Value)>? DescriptorValues(string text)
    {
        var values = new List<(string Key, string Value)>();
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '(')
            {
                var equals = text.IndexOfAny(['=', '(', ')'], i + 1);
                if (equals < 0 || text[equals] != '=') return null;
                var key = text[(i + 1)..equals].Trim().ToUpperInvariant();
                var valueStart = equals + 1;
                while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart])) valueStart++;
                depth++;
                if (valueStart < text.Length && text[valueStart] == '(') { i = valueStart; continue; }
                var close = text.IndexOfAny(['(', ')'], valueStart);
                if (close < 0 || text[close] != ')') return null;
                values.Add((key, text[valueStart..close].Trim()));
                depth--;
                i = close + 1;
                continue;
            }
            if (c == ')' && --depth < 0) return null;
            if (c != ')' && !char.IsWhiteSpace(c) && depth == 0) return null;
            i++;
        }
        return depth == 0 ? values : null;
    }

    // jdbc:sqlserver://[host[\instance][:port]][;key=value]…: serverName, portNumber (or port), instanceName and
    // databaseName (or database) may be properties, keys without case. A port wins over an instance name; an
    // instance without a port is found through the SQL Server Browser: its port is unknown here.
    private static JdbcUrl ParseSqlServer(string body)
    {
        if (!body.StartsWith("//", StringComparison.Ordinal)) return Unknown("sqlserver");
        var parts = SplitProperties(body[2..]);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=');
            if (equals > 0) properties[part[..equals].Trim()] = Unbrace(part[(equals + 1)..].Trim());
        }
        string? Property(params string[] keys) => keys.Select(k => properties.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var server = parts[0].Length > 0 ? parts[0] : Property("serverName") ?? "";
        var instanceAt = server.IndexOf('\\');
        var (instance, serverAndPort) = instanceAt < 0 ? (Property("instanceName"), server) : (server[(instanceAt + 1)..], server[..instanceAt]);
        if (instanceAt >= 0 && instance!.IndexOf(':') is >= 0 and var colon)
            (instance, serverAndPort) = (instance[..colon], serverAndPort + instance[colon..]);
        if (SplitHostPort(serverAndPort) is not var (host, port, portWritten) || (portWritten && port is null)) return Unknown("sqlserver");
        if (port is null && Property("portNumber", "port") is { } written)
        {
            if (!int.TryParse(written, System.Globalization.NumberStyles.None, null, out var p)) return Unknown("sqlserver");
            port = p;
        }
        port ??= string.IsNullOrEmpty(instance) ? DefaultPort("sqlserver") : null;
        return new JdbcUrl("sqlserver", host ?? "localhost", port, Property("databaseName", "database"));
    }

    /// <summary>Splits at ';' outside braces: a SQL Server value in {…} may hold ';'.</summary>
    private static List<string> SplitProperties(string text)
    {
        var parts = new List<string>();
        var (start, braced) = (0, false);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{') braced = true;
            else if (text[i] == '}') braced = false;
            else if (text[i] == ';' && !braced) { parts.Add(text[start..i]); start = i + 1; }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static string Unbrace(string value) =>
        value.Length >= 2 && value[0] == '{' && value[^1] == '}' ? value[1..^1] : value;
}
