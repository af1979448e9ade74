using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace ApimLint.Tests.Drift;

/// <summary>A difference the generator plants between the nodes, and the rule that must report it.</summary>
public sealed record PlantedDifference(string RuleId, string File, string What);

/// <summary>
/// Makes a deployment folder whose two nodes are whole API-M 2.6.0-shaped packs: the configuration of
/// fixtures/correct-same-host and the real 2.6.0 files, plus thousands of jars, web applications,
/// Jaggery files, synapse artifacts and scripts of realistic sizes, written twice (no links), with a few
/// differences planted. Deterministic for a seed. Used by the drift tests (a few hundred files) and by
/// the benchmark (thousands of files, hundreds of megabytes).
/// </summary>
public sealed partial class PackGenerator(string fixturesRoot)
{
    public int Files { get; init; } = 5000;
    public long Bytes { get; init; } = 500L << 20;
    public int Seed { get; init; } = 2026;

    private const string Conf = "repository/conf";
    private const string Server = "repository/deployment/server";
    private const string Components = "repository/components";

    private Random _random = null!;
    private readonly List<(string Path, long Size, ulong Seed, Content Kind)> _files = [];

    private enum Content { Binary, Text, Json, Xml, Script }

    /// <summary>Writes target/active, target/passive and target/nginx; returns what was planted.</summary>
    public IReadOnlyList<PlantedDifference> Generate(string target)
    {
        _random = new Random(Seed);
        _files.Clear();
        foreach (var part in new[] { "active", "passive", "nginx" })
            CopyTree(Path.Combine(fixturesRoot, "correct-same-host", part), Path.Combine(target, part));
        // The real 2.6.0 configuration files the correct deployment does not change, the same on both nodes.
        var real = Path.Combine(fixturesRoot, "realworld-2.6.0");
        foreach (var relative in TestPaths.PackFiles("2.6.0"))
        {
            var file = Path.Combine(real, relative);
            foreach (var node in new[] { "active", "passive" })
            {
                var destination = Path.Combine(target, node, relative);
                if (File.Exists(destination)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
        }

        PlanFiles();
        foreach (var (path, size, seed, kind) in _files)
        {
            var content = Make(size, seed, kind, path);
            foreach (var node in new[] { "active", "passive" }) Write(Path.Combine(target, node, path), content);
        }
        return Plant(target);
    }

    // ---- the files of a pack -----------------------------------------------------------------------

    private void PlanFiles()
    {
        var files = Math.Max(Files - 90, 200);
        // Shares of the files and of the bytes, after an API-M 2.6.0 pack: most bytes in plugins and web applications.
        AddMany($"{Components}/plugins", "org.wso2.carbon.{0}_{1}.jar", (int)(files * 0.21), Bytes * 0.60, 60_000, 1.4, Content.Binary);
        AddMany($"{Components}/lib", "{0}-{1}.jar", (int)(files * 0.012), Bytes * 0.04, 200_000, 1.0, Content.Binary);
        // The JDBC driver the datasources need, as the guide copies it into lib (APIM105).
        AddMany($"{Components}/lib", "mysql-connector-java-5.1.{1}-bin.jar", 1, 1_000_000, 1_000_000, 0.1, Content.Binary);
        AddMany($"{Components}/dropins", "{0}_{1}.jar", (int)(files * 0.006), Bytes * 0.01, 100_000, 1.0, Content.Binary);
        for (var patch = 1; patch <= 4; patch++)
            AddMany($"{Components}/patches/patch000{patch}", "org.wso2.carbon.{0}_{1}.jar", 3, Bytes * 0.002, 150_000, 0.5, Content.Binary);
        AddMany($"{Server}/webapps", "api#am#{0}#v{1}.war", Math.Max(3, (int)(files * 0.004)), Bytes * 0.18, 8_000_000, 0.8, Content.Binary);
        AddMany($"{Server}/synapse-configs/default/api", "admin--{0}_v{1}.xml", Math.Max(4, (int)(files * 0.01)), Bytes * 0.002, 4_000, 0.5, Content.Xml);
        AddMany($"{Server}/synapse-configs/default/sequences", "{0}_{1}.xml", Math.Max(4, (int)(files * 0.004)), Bytes * 0.0005, 2_000, 0.5, Content.Xml);
        AddMany($"{Server}/synapse-configs/default/endpoints", "{0}_{1}.xml", Math.Max(2, (int)(files * 0.004)), Bytes * 0.0005, 1_000, 0.5, Content.Xml);
        AddMany($"{Server}/executionplans", "carbon.super_app_{0}_{1}.siddhiql", Math.Max(2, (int)(files * 0.002)), Bytes * 0.0002, 2_000, 0.3, Content.Text);
        AddMany("bin", "{0}-{1}.sh", Math.Max(2, (int)(files * 0.005)), Bytes * 0.001, 4_000, 0.6, Content.Script);
        AddMany("dbscripts", "{0}_{1}.sql", Math.Max(2, (int)(files * 0.005)), Bytes * 0.002, 20_000, 0.8, Content.Text);
        AddMany($"{Conf}/identity", "{0}-{1}.xml", Math.Max(2, (int)(files * 0.004)), Bytes * 0.0005, 5_000, 0.6, Content.Xml);
        AddMany($"{Conf}/etc", "{0}-{1}.properties", Math.Max(2, (int)(files * 0.004)), Bytes * 0.0002, 2_000, 0.5, Content.Text);
        var jaggery = files - _files.Count;
        foreach (var app in new[] { "store", "publisher", "admin" })
        {
            AddMany($"{Server}/jaggeryapps/{app}/site/themes/wso2/js", "{0}-{1}.js", jaggery * 4 / 15, Bytes * 0.03, 6_000, 1.0, Content.Text);
            AddMany($"{Server}/jaggeryapps/{app}/site/themes/wso2/images", "{0}-{1}.png", jaggery / 15, Bytes * 0.01, 12_000, 1.0, Content.Binary);
        }
        AddMany($"{Server}/jaggeryapps/store/site/conf/locales/jaggery", "locale_{0}_{1}.json", Files - 90 - _files.Count, Bytes * 0.002, 3_000, 0.5, Content.Json);
        _files.Add(($"{Conf}/log4j.properties", 0, 0, Content.Text));
        _files.Add(("updates/product.txt", 0, 0, Content.Text));
    }

    private static readonly string[] Words =
        ["apimgt", "gateway", "keymgt", "throttle", "identity", "registry", "core", "user", "mgt", "event", "stream", "analytics",
         "hostobjects", "oauth", "saml", "security", "transport", "axis2", "synapse", "mediation", "broker", "andes", "ui", "stub"];

    private void AddMany(string folder, string pattern, int count, double bytes, double median, double sigma, Content kind)
    {
        if (count <= 0) return;
        var sizes = Enumerable.Range(0, count).Select(_ => median * Math.Exp(sigma * Normal())).ToList();
        var scale = bytes / sizes.Sum();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            string name;
            do name = string.Format(pattern, $"{Words[_random.Next(Words.Length)]}.{Words[_random.Next(Words.Length)]}", $"{_random.Next(1, 9)}.{_random.Next(0, 60)}.{i}");
            while (!used.Add(name));
            _files.Add(($"{folder}/{name}", Math.Max(200, (long)(sizes[i] * scale)), (ulong)_random.NextInt64(), kind));
        }
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private static byte[] Make(long size, ulong seed, Content kind, string path)
    {
        if (path.EndsWith("log4j.properties", StringComparison.Ordinal)) return Encoding.UTF8.GetBytes(Log4j);
        if (path == "updates/product.txt") return Encoding.UTF8.GetBytes("wso2am-2.6.0\n");
        var name = Path.GetFileNameWithoutExtension(path);
        switch (kind)
        {
            case Content.Xml when path.Contains("/api/"):
                return Encoding.UTF8.GetBytes(ApiXml(name, size));
            case Content.Xml:
                return Encoding.UTF8.GetBytes(
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"{name}\">\n" +
                    Repeat(size, i => $"    <property name=\"p{i}\" value=\"v{seed % 97 + (ulong)i}\" scope=\"default\"/>\n") + "</sequence>\n");
            case Content.Json:
                return Encoding.UTF8.GetBytes("{\n" + Repeat(size, i => $"    \"key.{i}\": \"value {seed % 89 + (ulong)i}\",\n") + "    \"end\": true\n}\n");
            case Content.Text or Content.Script:
                return Encoding.UTF8.GetBytes(Repeat(size, i => $"{Words[(int)((seed + (ulong)i) % (ulong)Words.Length)]} line {i} of {name}\n"));
            default:
                var bytes = new byte[size];
                var words = MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan());
                var state = seed | 1;
                for (var i = 0; i < words.Length; i++)
                {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    words[i] = state;
                }
                for (var i = words.Length * 8; i < bytes.Length; i++) bytes[i] = (byte)(state >> (8 * (i % 8)));
                return bytes;
        }
    }

    private static string Repeat(long size, Func<int, string> line)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < size; i++) text.Append(line(i));
        return text.ToString();
    }

    private static string ApiXml(string name, long size) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"{name}\" context=\"/{name}/1.0.0\" version=\"1.0.0\" version-type=\"context\">\n" +
        Repeat(size, i => $"    <resource methods=\"GET\" uri-template=\"/items/{i}\" faultSequence=\"fault\">\n        <inSequence>\n            <property name=\"api.ut.backendRequestTime\" expression=\"get-property('SYSTEM_TIME')\"/>\n        </inSequence>\n    </resource>\n") +
        "</api>\n";

    private const string Log4j =
        "# log4j configuration of the pack\nlog4j.rootLogger=INFO, CARBON_CONSOLE, CARBON_LOGFILE\n" +
        "log4j.logger.org.wso2.carbon.apimgt=INFO\nlog4j.logger.org.apache.synapse=INFO\n" +
        "log4j.appender.CARBON_LOGFILE=org.wso2.carbon.utils.logging.appenders.CarbonDailyRollingFileAppender\n";

    // ---- the planted differences -----------------------------------------------------------------

    private IReadOnlyList<PlantedDifference> Plant(string target)
    {
        string Active(string path) => Path.Combine(target, "active", path);
        string Passive(string path) => Path.Combine(target, "passive", path);
        var planted = new List<PlantedDifference>();

        // APIM701: a datasource's pool size edited on the passive only, and a logger left at DEBUG there.
        var datasources = $"{Conf}/datasources/master-datasources.xml";
        Edit(Passive(datasources), text => AmPoolSize().Replace(text, "$1<maxActive>80</maxActive>", 1));
        planted.Add(new("APIM701", datasources, "/datasources-configuration/datasources/datasource[name='WSO2AM_DB']/definition/configuration/maxActive"));
        Edit(Passive($"{Conf}/log4j.properties"), text => text.Replace("apimgt=INFO", "apimgt=DEBUG"));
        planted.Add(new("APIM701", $"{Conf}/log4j.properties", "log4j.logger.org.wso2.carbon.apimgt"));

        // Not drift: identity.xml reformatted on the passive (comments, indentation, quotes, attribute
        // order), and a placeholder written out with the value it has on the offset-0 active.
        Edit(Passive($"{Conf}/identity/identity.xml"), Reformat);
        Edit(Passive($"{Conf}/api-manager.xml"), text => ReplaceOnce(text,
            "<ServerURL>https://localhost:${mgt.transport.https.port}${carbon.context}services/</ServerURL>", "<ServerURL>https://localhost:9443/services/</ServerURL>"));

        // APIM702: a configuration file added on the active only; runtime files on one node are not drift.
        var claims = $"{Conf}/identity/claim-config-custom.xml";
        Write(Active(claims), Encoding.UTF8.GetBytes("<Claims>\n    <Claim uri=\"http://wso2.org/claims/department\"/>\n</Claims>\n"));
        planted.Add(new("APIM702", claims, "(file)"));
        Write(Passive("repository/logs/wso2carbon.log"), Encoding.UTF8.GetBytes("INFO started\n"));
        Write(Active("tmp/work/Catalina/localhost/x.tmp"), [1, 2, 3]);
        var war = _files.First(f => f.Path.EndsWith(".war", StringComparison.Ordinal)).Path;
        Write(Active(war[..^4] + "/WEB-INF/web.xml"), Encoding.UTF8.GetBytes("<web-app/>\n"));

        // APIM703: an API the Rsync never copied to the passive, and a sequence edited on the passive;
        // an API reformatted on the passive is the same API.
        var orderApi = $"{Server}/synapse-configs/default/api/admin--OrderAPI_v1.0.0.xml";
        Write(Active(orderApi), Encoding.UTF8.GetBytes(ApiXml("admin--OrderAPI_v1.0.0", 600)));
        planted.Add(new("APIM703", orderApi, "(file)"));
        var sequence = _files.First(f => f.Path.Contains("/sequences/", StringComparison.Ordinal)).Path;
        Edit(Passive(sequence), text => ReplaceOnce(text, "name=\"p0\" value=\"", "name=\"p0\" value=\"edited-"));
        planted.Add(new("APIM703", sequence, "/sequence/property[@name='p0']/@value"));
        Edit(Passive(_files.Last(f => f.Path.Contains("/api/", StringComparison.Ordinal)).Path), Reformat);

        // APIM704: a plugin of the same size with other content, a patch on the active only, a library of another size.
        var plugin = _files.Where(f => f.Path.Contains("/plugins/", StringComparison.Ordinal)).MaxBy(f => f.Size).Path;
        var bytes = File.ReadAllBytes(Passive(plugin));
        bytes[bytes.Length * 2 / 3] ^= 0x5a;
        File.WriteAllBytes(Passive(plugin), bytes);
        planted.Add(new("APIM704", plugin, "(content)"));
        var patch = $"{Components}/patches/patch0005/org.wso2.carbon.apimgt.gateway_6.4.50.jar";
        Write(Active(patch), Make(90_000, 5, Content.Binary, patch));
        planted.Add(new("APIM704", patch, "(file)"));
        var lib = _files.First(f => f.Path.Contains("/lib/", StringComparison.Ordinal)).Path;
        File.AppendAllText(Passive(lib), "trailing bytes");
        planted.Add(new("APIM704", lib, "(content)"));

        // APIM705: the nodes were updated to different levels.
        Write(Active("updates/wum/1554386811000"), Encoding.UTF8.GetBytes("updates:\n- \"0001\"\n"));
        Write(Passive("updates/wum/1548115200000"), Encoding.UTF8.GetBytes("updates: []\n"));
        planted.Add(new("APIM705", "updates/wum/1548115200000", "update level"));

        return planted;
    }

    [GeneratedRegex(@"(<name>WSO2AM_DB</name>[\s\S]*?)<maxActive>50</maxActive>")]
    private static partial Regex AmPoolSize();

    /// <summary>The same XML written differently: no comments, tabs, single quotes, the first element's attributes reversed.</summary>
    private static string Reformat(string xml)
    {
        xml = Comment().Replace(xml, "");
        xml = Indentation().Replace(xml, m => new string('\t', m.Length / 4));
        var reversed = false;
        return StartTag().Replace(xml, m =>
        {
            var attributes = DoubleQuoted().Matches(m.Groups[2].Value).Select(a => $"{a.Groups[1].Value}='{a.Groups[2].Value}'").ToList();
            if (attributes.Count == 0 || m.Groups[2].Value.Contains('\'')) return m.Value;
            if (!reversed && attributes.Count > 1)
            {
                attributes.Reverse();
                reversed = true;
            }
            return $"<{m.Groups[1].Value} {string.Join("  ", attributes)}{m.Groups[3].Value}>";
        });
    }

    [GeneratedRegex(@"<!--[\s\S]*?-->")]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?m)^(    )+")]
    private static partial Regex Indentation();

    [GeneratedRegex(@"<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*""[^""]*"")+)\s*(/?)>")]
    private static partial Regex StartTag();

    [GeneratedRegex(@"([\w:.-]+)\s*=\s*""([^""]*)""")]
    private static partial Regex DoubleQuoted();

    private static string ReplaceOnce(string text, string find, string with)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"'{find}' not found");
        return text[..at] + with + text[(at + find.Length)..];
    }

    private static void Edit(string path, Func<string, string> edit)
    {
        var text = File.ReadAllText(path);
        var edited = edit(text);
        if (edited == text) throw new InvalidOperationException($"{path}: the edit changed nothing");
        File.WriteAllText(path, edited);
    }

    private static void Write(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
