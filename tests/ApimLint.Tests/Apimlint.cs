using ApimLint.Cli;
using ApimLint.Engine;
using ApimLint.Rules;

namespace ApimLint.Tests;

/// <summary>Runs the apimlint command line in-process, as a user would from <paramref name="workingDirectory"/>.</summary>
public static class Apimlint
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args) => RunWith(RuleRegistry.All, workingDirectory, args);

    public static Result RunWith(IReadOnlyList<Rule> rules, string workingDirectory, params string[] args) =>
        RunIn(rules, new Dictionary<string, string>(), workingDirectory, args);

    /// <summary>As a CI job runs it: with these environment variables and no others.</summary>
    public static Result RunIn(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args) =>
        RunIn(RuleRegistry.All, environment, workingDirectory, args);

    private static Result RunIn(IReadOnlyList<Rule> rules, IReadOnlyDictionary<string, string> environment, string workingDirectory, string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CommandLine.Run(args, stdout, stderr, workingDirectory, useColor: false, rules, environment.GetValueOrDefault);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}
