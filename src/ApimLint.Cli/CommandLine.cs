using System.CommandLine;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Reporting;
using ApimLint.Rules;

namespace ApimLint.Cli;

/// <summary>The apimlint command line: `apimlint [check] [DIR]` and its options.</summary>
public static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, bool useColor)
    {
        var options = new CheckOptions();
        var root = new RootCommand("Lints an active-passive WSO2 API Manager 2.x deployment: both APIM_HOME trees and nginx.conf.");
        options.AddTo(root);
        var check = new Command("check", "Check a deployment folder (the default command).");
        options.AddTo(check);
        root.Subcommands.Add(check);

        var exitCode = ExitCodes.Clean;
        void Check(ParseResult parse) => exitCode = RunCheck(options.Read(parse, workingDirectory), stdout, workingDirectory, useColor);
        root.SetAction(Check);
        check.SetAction(Check);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"apimlint: {error.Message}");
            stderr.WriteLine("Try 'apimlint --help'.");
            return ExitCodes.UsageOrInput;
        }
        try
        {
            var invoked = parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            return invoked != 0 ? invoked : exitCode;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"apimlint: {e.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (RuleFailedException e)
        {
            stderr.WriteLine($"apimlint: internal error: {e.Message}");
            return ExitCodes.Internal;
        }
    }

    private static int RunCheck(DeploymentInput input, TextWriter stdout, string workingDirectory, bool useColor)
    {
        var deployment = DeploymentLoader.Load(input);
        var diagnostics = Analyzer.Run(deployment, RuleRegistry.All);
        new TextReportWriter(workingDirectory, useColor).Write(stdout, diagnostics);
        return diagnostics.Any(d => d.Severity >= Severity.Error) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
