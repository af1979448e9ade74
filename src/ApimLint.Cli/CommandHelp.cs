using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ApimLint.Cli;

/// <summary>Each command's help ends with examples and what its exit codes mean.</summary>
internal static class CommandHelp
{
    private sealed record Extra(string[] Examples, string Clean, string? Findings);

    private const string CheckClean = "no finding at or above the failure level (--fail-level, default error)";
    private const string CheckFindings = "a finding at or above the failure level; with --diff, something to fix";

    private static readonly Dictionary<string, Extra> Extras = new(StringComparer.Ordinal)
    {
        ["apimlint"] = new(["apimlint deploy/apim", "apimlint --fix", "apimlint diff deploy/apim", "apimlint explain APIM404"], CheckClean, CheckFindings),
        ["apimlint check"] = new(["apimlint check deploy/apim", "apimlint check deploy/apim --format text --format sarif --output apimlint.sarif",
            "apimlint check --select clustering --ignore APIM404", "apimlint check --fix --unsafe-fixes"], CheckClean, CheckFindings),
        ["apimlint rules"] = new(["apimlint rules", "apimlint rules --format markdown"], "the list was printed", null),
        ["apimlint explain"] = new(["apimlint explain APIM404", "apimlint explain wka-members-not-mutual"], "the documentation was printed", null),
        ["apimlint diff"] = new(["apimlint diff deploy/apim", "apimlint diff --format json --cache .apimlint-cache"],
            "every difference is expected", "a difference is drift or breaks a must-equal path"),
        ["apimlint topology"] = new(["apimlint topology deploy/apim", "apimlint topology --format json"],
            "the topology was printed", "a file does not parse, so the answer may lack its clues"),
        ["apimlint init"] = new(["apimlint init", "apimlint init deploy/apim"], "apimlint.json was written", null),
        ["apimlint baseline"] = new(["apimlint baseline write deploy/apim"], "the baseline was written", null),
        ["apimlint baseline write"] = new(["apimlint baseline write", "apimlint baseline write deploy/apim", "apimlint baseline write deploy/apim accepted.baseline"],
            "the baseline was written", null),
    };

    /// <summary>Replaces the help option's action with one that writes the standard help, then the command's examples and exit codes.</summary>
    public static void Install(Command root, TextWriter output)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithExamples((HelpAction)help.Action!, output);
    }

    public sealed class WithExamples(HelpAction standard, TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            standard.Invoke(parseResult);
            if (!Extras.TryGetValue(UsageErrors.CommandPath(parseResult.CommandResult), out var extra)) return ExitCodes.Clean;
            output.WriteLine("Examples:");
            foreach (var example in extra.Examples) output.WriteLine($"  {example}");
            output.WriteLine();
            output.WriteLine("Exit codes:");
            output.WriteLine($"  0  {extra.Clean}");
            if (extra.Findings is not null) output.WriteLine($"  1  {extra.Findings}");
            output.WriteLine("  2  usage or input error, with a one-line message naming it");
            output.WriteLine("  3  internal error in apimlint");
            return ExitCodes.Clean;
        }
    }
}
