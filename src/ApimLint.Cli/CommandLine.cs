using System.CommandLine;
using ApimLint.Configuration;
using ApimLint.Engine;
using ApimLint.Fixing;
using ApimLint.Loading;
using ApimLint.Reporting;
using ApimLint.Reporting.Escaping;
using ApimLint.Rules;

namespace ApimLint.Cli;

/// <summary>The apimlint command line: `apimlint [check] [DIR]`, `apimlint rules`, `apimlint explain ID`.</summary>
public static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, bool useColor) =>
        Run(args, stdout, stderr, workingDirectory, useColor, RuleRegistry.All);

    /// <summary>With a given rule set and environment: tests use them to prove how a failing rule is reported and what CI's variables change.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, bool useColor, IReadOnlyList<Rule> rules,
        Func<string, string?>? environment = null)
    {
        var console = new CliConsole(stdout, stderr, workingDirectory, useColor, rules, environment ?? Environment.GetEnvironmentVariable);
        var check = new CheckCommand(console);
        var root = new RootCommand("Lints an active-passive WSO2 API Manager 2.x deployment: both APIM_HOME trees and nginx.conf.");
        check.AddTo(root);
        var checkCommand = new Command("check", "Check a deployment folder (the default command).");
        check.AddTo(checkCommand);
        root.Subcommands.Add(checkCommand);
        root.Subcommands.Add(RulesCommands.List(console));
        root.Subcommands.Add(RulesCommands.Explain(console));
        root.Subcommands.Add(InitCommand.Create(console));
        root.Subcommands.Add(BaselineCommand.Create(console));
        root.Subcommands.Add(new DiffCommand(console).Create());
        root.Subcommands.Add(new TopologyCommand(console).Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"apimlint: {error.Message}");
            stderr.WriteLine("Try 'apimlint --help'.");
            return ExitCodes.UsageOrInput;
        }
        // Every file of this run is read against one budget; warnings about the input go to stderr.
        using var scope = ReadScope.Begin(stderr);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is InputException or UsageException or FixWriteException or ConfigException or CannotWriteException)
        {
            // The message may quote a file name or value of the deployment.
            stderr.WriteLine($"apimlint: {TerminalText.Escape(e.Message)}");
            return ExitCodes.UsageOrInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var what = e is RuleFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            stderr.WriteLine($"apimlint: internal error: {TerminalText.Escape(what)}");
            if (args.Contains("--verbose")) stderr.WriteLine(e.ToString());
            else stderr.WriteLine("Run again with --verbose for details.");
            return ExitCodes.Internal;
        }
    }
}

/// <summary>Where a command writes, and how it shows paths.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, string WorkingDirectory, bool UseColor, IReadOnlyList<Rule> Rules,
    Func<string, string?> Environment);

/// <summary>Options that cannot be used together as given: exit 2 with a one-line message.</summary>
internal sealed class UsageException(string message) : Exception(message);
