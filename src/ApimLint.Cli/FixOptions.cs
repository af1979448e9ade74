using System.CommandLine;

namespace ApimLint.Cli;

/// <summary>--fix, --unsafe-fixes and --diff.</summary>
internal sealed class FixOptions
{
    private readonly Option<bool> _fix = new("--fix") { Description = "Apply safe fixes (re-checking until nothing more applies), then report what remains." };
    private readonly Option<bool> _unsafe = new("--unsafe-fixes") { Description = "With --fix or --diff, also apply unsafe fixes (judgement calls; see each rule's doc)." };
    private readonly Option<bool> _diff = new("--diff") { Description = "Print the unified diff of what --fix would change and write nothing; exit 1 when there is anything to fix." };

    public IEnumerable<Option> All => [_fix, _unsafe, _diff];

    public bool Fix(ParseResult parse) => parse.GetValue(_fix);

    public bool Diff(ParseResult parse) => parse.GetValue(_diff);

    public bool IncludeUnsafe(ParseResult parse) => parse.GetValue(_unsafe);
}
