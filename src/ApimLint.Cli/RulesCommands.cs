using System.CommandLine;
using ApimLint.Reporting;

namespace ApimLint.Cli;

/// <summary>`apimlint rules` and `apimlint explain ID`: the rule documentation, from the rules themselves.</summary>
internal static class RulesCommands
{
    public static Command List(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "text (a table) or markdown (the full reference).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown");
        var command = new Command("rules", "List every rule: ID, name, severity, category, fix.") { format };
        command.SetAction(parse =>
        {
            console.Out.Write(parse.GetValue(format) == "markdown" ? RuleDocs.MarkdownReference(console.Rules) : RuleDocs.TextList(console.Rules));
            return ExitCodes.Clean;
        });
        return command;
    }

    public static Command Explain(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "A rule ID (APIM404) or name (wka-members-not-mutual)." };
        var command = new Command("explain", "Print a rule's documentation: what it checks, why, an example and how to fix it.") { id };
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(id)!;
            var rule = console.Rules.FirstOrDefault(r =>
                r.Descriptor.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase) || r.Descriptor.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
            if (rule is null) throw new UsageException($"no rule '{wanted}' (see 'apimlint rules')");
            console.Out.Write(RuleDocs.Explain(rule));
            return ExitCodes.Clean;
        });
        return command;
    }
}
