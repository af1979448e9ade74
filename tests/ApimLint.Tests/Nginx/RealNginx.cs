using System.Diagnostics;
using System.Text.RegularExpressions;
using ApimLint.Configuration;
using ApimLint.Syntax.Nginx;

namespace ApimLint.Tests.Nginx;

/// <summary>
/// Runs Debian's nginx -t on a deployment's nginx.conf, as an unprivileged user could: the deployment's nginx folder
/// is copied to a scratch folder that stands for nginx's prefix (/etc/nginx, or apimlint.json's prefix, in absolute
/// paths points there; the files the package ships that the deployment leaves out are taken from the installed one), the
/// listen ports are moved above 1024, pid, logs and temp paths go to the scratch folder, and the certificate paths
/// point at a throwaway certificate. What nginx decides about everything else is what the test asserts.
/// </summary>
public static partial class RealNginx
{
    public static string Binary =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed: run tests/run.sh, which installs it");

    public sealed record Verdict(bool Accepted, string Output);

    /// <summary>The installed package's own prefix, whose files (mime.types, fastcgi_params, …) stand in for the server's.</summary>
    private const string InstalledPrefix = "/etc/nginx";

    public static Verdict Test(string deploymentDirectory)
    {
        using var scratch = new TempDirectory();
        var conf = Path.Combine(scratch.Path, "conf");
        Fixtures.FixtureCase.CopyDirectory(Path.Combine(deploymentDirectory, "nginx"), conf);
        // What the package ships beside nginx.conf (mime.types, …) is on the server whether the deployment holds it or not.
        foreach (var shipped in Directory.GetFiles(InstalledPrefix).Where(f => !File.Exists(Path.Combine(conf, Path.GetFileName(f)))))
            File.Copy(shipped, Path.Combine(conf, Path.GetFileName(shipped)));
        var config = Path.Combine(deploymentDirectory, ConfigReader.FileName);
        var prefix = (File.Exists(config) ? ConfigReader.Read(config).NginxPrefix : null) ?? NginxConfig.DefaultPrefix;
        var (certificate, key) = Certificate(scratch.Path);
        foreach (var file in Directory.GetFiles(conf, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            text = ResolvedByHostsFile(text, deploymentDirectory);
            text = text.Replace(prefix.TrimEnd('/') + "/", conf + "/", StringComparison.Ordinal);
            text = ListenPort().Replace(text, m => m.Groups[1].Value + (18000 + int.Parse(m.Groups[2].Value)));
            text = CertificatePath().Replace(text, m => $"{m.Groups[1].Value} {(m.Groups[1].Value.EndsWith("_key") ? key : certificate)};");
            text = Log().Replace(text, m => m.Groups[1].Value == "error_log" ? $"error_log {scratch.Path}/error.log;" : "access_log off;");
            text = Pid().Replace(text, "");
            File.WriteAllText(file, text);
        }
        var main = Path.Combine(conf, "nginx.conf");
        var temp = string.Join(" ", new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.Select(t => $"{t}_temp_path {scratch.Path}/{t};"));
        File.WriteAllText(main, $"error_log {scratch.Path}/error.log;\n" + HttpBlock().Replace(File.ReadAllText(main), m => $"{m.Value}\n    access_log off; {temp}\n", 1));

        var process = Process.Start(new ProcessStartInfo(Binary, ["-t", "-c", main, "-p", scratch.Path, "-g", $"pid {scratch.Path}/nginx.pid;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Verdict(process.ExitCode == 0, output.Replace(scratch.Path, "<scratch>"));
    }

    /// <summary>nginx resolves upstream server names when it loads; the deployment's hosts file says what they stand for.</summary>
    private static string ResolvedByHostsFile(string text, string deploymentDirectory)
    {
        var hosts = Path.Combine(deploymentDirectory, "hosts");
        if (!File.Exists(hosts)) return text;
        foreach (var words in File.ReadAllLines(hosts).Select(l => l.Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 1))
            foreach (var name in words.Skip(1)) text = text.Replace($"server {name}:", $"server {words[0]}:");
        return text;
    }

    private static (string Certificate, string Key) Certificate(string directory)
    {
        var certificate = Path.Combine(directory, "test.crt");
        var key = Path.Combine(directory, "test.key");
        var process = Process.Start(new ProcessStartInfo("openssl",
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", certificate])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (certificate, key);
    }

    [GeneratedRegex(@"(\blisten\s+(?:[\d.]+:)?)(\d+)")]
    private static partial Regex ListenPort();

    [GeneratedRegex(@"\b(ssl_certificate(?:_key)?)\s+[^;]+;")]
    private static partial Regex CertificatePath();

    [GeneratedRegex(@"\bhttp\s*\{")]
    private static partial Regex HttpBlock();

    [GeneratedRegex(@"\b(error_log|access_log)\s+[^;]+;", RegexOptions.NonBacktracking)]
    private static partial Regex Log();

    [GeneratedRegex(@"^[ \t]*pid\s+[^;]+;", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex Pid();
}
