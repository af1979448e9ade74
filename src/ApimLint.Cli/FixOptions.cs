using System.CommandLine;

namespace ApimLint.Cli;

/// <summary>--fix, --unsafe-fixes and --diff.</summary>
internal sealed class FixOptions
{
    private readonly Option<bool> _fix = new("--fix") { Description = "Apply safe fixes (re-checking until nothing more applies), then report what remains." };
    private readonly Option<bool> _unsafe = new("--unsafe-fixes") { Description = "With --fix or --diff, also apply unsafe fixes (judgement calls; see each rule's doc)." };
    private readonly Option<bool> _diff = new("--diff") { Description = "Print the unified diff of what --fix would change and write nothing; exit 1 when there is anything to fix." };

    private readonly Option<string> _prefer = new("--prefer")
    {
        Description = "Where a fix copies a value from one node to the other, whose wins: active (default) or passive.",
        DefaultValueFactory = _ => "active",
    };

    public FixOptions() => _prefer.AcceptOnlyFromAmong("active", "passive");

    public IEnumerable<Option> All => [_fix, _unsafe, _diff, _prefer];

    public Model.NodeRole Preferred(ParseResult parse) => parse.GetValue(_prefer) == "passive" ? Model.NodeRole.Passive : Model.NodeRole.Active;

    public bool Fix(ParseResult parse) => parse.GetValue(_fix);

    public bool Diff(ParseResult parse) => parse.GetValue(_diff);

    public bool IncludeUnsafe(ParseResult parse) => parse.GetValue(_unsafe);
}
