using System.Diagnostics;

namespace ApimLint.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, launched as the report's readers' browsers would be but with nothing
/// of its own running (no network services, no sync, a fresh profile every time).
/// </summary>
public static class Chromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Debian's chromium; where there is none (GitHub's Ubuntu runners), the Chrome installed there.</summary>
    public static string Binary =>
        new[] { "/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("chromium is not installed: run tests/run.sh, which installs it");

    /// <summary>The DOM once the page has loaded and its scripts had <paramref name="scriptMilliseconds"/> of virtual time.</summary>
    public static string DumpDom(string file, int scriptMilliseconds = 2000, bool allowFileAccess = false) =>
        Run(file, ["--dump-dom", $"--virtual-time-budget={scriptMilliseconds}", .. allowFileAccess ? new[] { "--allow-file-access-from-files" } : []]);

    public static void Screenshot(string file, string png, int width, int height) =>
        Run(file, [$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars"]);

    public static void PrintToPdf(string file, string pdf) => Run(file, [$"--print-to-pdf={pdf}", "--no-pdf-header-footer"]);

    private static string Run(string file, string[] arguments)
    {
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(Binary,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.Path}", .. arguments, new Uri(file).AbsoluteUri,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish {Path.GetFileName(file)} within {Limit}");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
