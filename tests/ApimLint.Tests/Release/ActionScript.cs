namespace ApimLint.Tests.Release;

/// <summary>Runs the action's run.sh as the runner would on a Linux x64 machine, in a fresh runner and workspace folder.</summary>
public sealed class ActionScript : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ActionScript()
    {
        foreach (var folder in new[] { Workspace, RunnerTemp }) Directory.CreateDirectory(folder);
    }

    public string Workspace => Path.Combine(_temp.Path, "workspace");

    public string RunnerTemp => Path.Combine(_temp.Path, "runner-temp");

    public string Outputs => Path.Combine(_temp.Path, "outputs");

    public string StepSummary => Path.Combine(_temp.Path, "step-summary.md");

    /// <summary>A folder for the release files as TAG/FILE, which APIMLINT_DOWNLOAD_URL may point at.</summary>
    public string Downloads => Path.Combine(_temp.Path, "downloads");

    public ReleaseProcess.Result Run(string step, IReadOnlyDictionary<string, string> inputs)
    {
        var environment = new Dictionary<string, string>
        {
            ["RUNNER_OS"] = "Linux", ["RUNNER_ARCH"] = "X64", ["RUNNER_TEMP"] = RunnerTemp,
            ["GITHUB_WORKSPACE"] = Workspace, ["GITHUB_OUTPUT"] = Outputs, ["GITHUB_STEP_SUMMARY"] = StepSummary,
            ["APIMLINT_VERSION"] = "", ["APIMLINT_ACTION_REPOSITORY"] = "", ["APIMLINT_ACTION_REF"] = "", ["APIMLINT_DOWNLOAD_URL"] = "",
            ["APIMLINT_PATH"] = ".", ["APIMLINT_FAIL_LEVEL"] = "error", ["APIMLINT_SARIF"] = "apimlint.sarif", ["APIMLINT_CATEGORY"] = "",
            ["APIMLINT_HTML"] = "apimlint-report.html", ["APIMLINT_ARGS"] = "",
        };
        foreach (var (name, value) in inputs) environment[name] = value;
        return ReleaseProcess.Run("bash", [Path.Combine(TestPaths.RepositoryRoot, ".github/actions/apimlint/run.sh"), step], Workspace, environment);
    }

    /// <summary>The step's outputs, name=value lines in GITHUB_OUTPUT.</summary>
    public IReadOnlyDictionary<string, string> StepOutputs() =>
        File.ReadAllLines(Outputs).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public void Dispose() => _temp.Dispose();
}
