using ApimLint.Cli;

namespace ApimLint.Tests;

/// <summary>Runs the apimlint command line in-process, as a user would from <paramref name="workingDirectory"/>.</summary>
public static class Apimlint
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CommandLine.Run(args, stdout, stderr, workingDirectory, useColor: false);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}
