using System.CommandLine;
using System.CommandLine.Help;
using ApimLint.Configuration;
using ApimLint.Engine;
using ApimLint.Fixing;
using ApimLint.Loading;
using ApimLint.Reporting;
using ApimLint.Reporting.Escaping;
using ApimLint.Rules;

namespace ApimLint.Cli;

/// <summary>
/// The apimlint command line: `apimlint check [DIR]` (the default command: `apimlint [DIR]`), `apimlint rules`,
/// `apimlint explain ID`, `diff`, `topology`, `init`, `baseline write`.
/// </summary>
public static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, bool useColor) =>
        Run(args, stdout, stderr, workingDirectory, useColor, RuleRegistry.All);

    /// <summary>With a given rule set and environment: tests use them to prove how a failing rule is reported and what CI's variables change.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, bool useColor, IReadOnlyList<Rule> rules,
        Func<string, string?>? environment = null)
    {
        var console = new CliConsole(stdout, stderr, workingDirectory, useColor, rules, environment ?? Environment.GetEnvironmentVariable);
        var check = new Command("check", "Check a deployment folder: the default command, so `apimlint DIR` is `apimlint check DIR`.");
        new CheckCommand(console).AddTo(check);
        // A command named apimlint rather than a RootCommand, which takes the name of the process (a test host's, say).
        var root = new Command("apimlint", "Lints an active-passive WSO2 API Manager 2.x deployment: both APIM_HOME trees and nginx.conf. " +
                                   "Without a command, runs check: `apimlint [<DIR>] [options]` is `apimlint check [<DIR>] [options]`.")
        {
            new HelpOption(),
            new VersionOption(),
            check,
            RulesCommands.List(console),
            RulesCommands.Explain(console),
            InitCommand.Create(console),
            BaselineCommand.Create(console),
            new DiffCommand(console).Create(),
            new TopologyCommand(console).Create(),
        };
        CommandHelp.Install(root, stdout);

        // check is the default command: anything but a command or an option of the root alone (--help, --version) is check's.
        var implicitCheck = args.Length == 0 || !(root.Subcommands.Any(c => c.Name == args[0]) || root.Options.Any(o => o.Name == args[0] || o.Aliases.Contains(args[0])));
        var parsed = root.Parse(implicitCheck ? ["check", .. args] : args);
        if (UsageErrors.Of(parsed, root, implicitCheck, workingDirectory) is var (errors, helpOf))
        {
            foreach (var error in errors) stderr.WriteLine($"apimlint: {TerminalText.Escape(error)}");
            stderr.WriteLine($"Try '{helpOf} --help'.");
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
    Func<string, string?> Environment)
{
    public IReadOnlyList<Diagnostics.RuleDescriptor> Descriptors => Rules.Select(r => r.Descriptor).ToList();
}

/// <summary>Options that cannot be used together as given: exit 2 with a one-line message.</summary>
internal sealed class UsageException(string message) : Exception(message);
