using System.CommandLine;
using ApimLint.Configuration;
using ApimLint.Diagnostics;
using ApimLint.Reporting;

namespace ApimLint.Cli;

/// <summary>
/// --select and --ignore, as ruff has them. A selector is a rule ID (APIM404), a rule name (wka-members-not-mutual), an ID
/// prefix (APIM4), a category (clustering) or ALL. --select makes exactly the rules it names run, whatever apimlint.json turns
/// off; --ignore turns rules off, on top of apimlint.json. When both name a rule, the more specific selector wins (a rule
/// over a prefix, a longer prefix over a shorter one, over a category, over ALL), and --ignore on a tie. apimlint.json's
/// severities stay those of the rules that run.
/// </summary>
internal sealed class RuleSelectionOptions
{
    private readonly Option<string[]> _select = new("--select")
    {
        HelpName = "RULES",
        Description = "Run only these rules: IDs (APIM404), names, ID prefixes (APIM4), categories (clustering) or ALL; comma-separated or repeated.",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> _ignore = new("--ignore")
    {
        HelpName = "RULES",
        Description = "Do not run these rules (same selectors as --select), on top of apimlint.json's \"none\".",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public IEnumerable<Option> All => [_select, _ignore];

    private sealed record Selector(Func<RuleDescriptor, bool> Matches, int Specificity, bool Ignores);

    /// <summary>The severities to run with: apimlint.json's, with the rules the selectors leave out set to none.</summary>
    public IReadOnlyDictionary<string, Severity> Severities(ParseResult parse, ProjectConfig config, IReadOnlyList<RuleDescriptor> rules)
    {
        var select = Parse(parse.GetValue(_select), rules, ignores: false);
        var ignore = Parse(parse.GetValue(_ignore), rules, ignores: true);
        if (select.Count == 0 && ignore.Count == 0) return config.Rules;
        var severities = new Dictionary<string, Severity>(config.Rules, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var decisive = select.Concat(ignore).Where(s => s.Matches(rule)).OrderByDescending(s => s.Specificity).ThenByDescending(s => s.Ignores).FirstOrDefault();
            if (decisive is { Ignores: true } || (decisive is null && select.Count > 0)) severities[rule.Id] = Severity.None;
            // Selected on the command line: it runs even where apimlint.json turns it off.
            else if (decisive is not null && config.Rules.TryGetValue(rule.Id, out var configured) && configured == Severity.None) severities.Remove(rule.Id);
        }
        return severities;
    }

    private static List<Selector> Parse(string[]? given, IReadOnlyList<RuleDescriptor> rules, bool ignores) =>
        (given ?? []).SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(text => Parse(text, rules, ignores)).ToList();

    private static Selector Parse(string text, IReadOnlyList<RuleDescriptor> rules, bool ignores)
    {
        const StringComparison anyCase = StringComparison.OrdinalIgnoreCase;
        if (text.Equals("ALL", anyCase)) return new(_ => true, 0, ignores);
        if (rules.Any(r => r.Id.Equals(text, anyCase) || r.Name.Equals(text, anyCase)))
            return new(r => r.Id.Equals(text, anyCase) || r.Name.Equals(text, anyCase), int.MaxValue, ignores);
        if (Enum.GetValues<RuleCategory>().Where(c => RuleDocs.CategoryName(c).Equals(text, anyCase)).Select(c => (RuleCategory?)c).FirstOrDefault() is { } category)
            return new(r => r.Category == category, "APIMn".Length, ignores);
        if (text.Length > "APIM".Length && text.StartsWith("APIM", anyCase) && rules.Any(r => r.Id.StartsWith(text, anyCase)))
            return new(r => r.Id.StartsWith(text, anyCase), text.Length, ignores);
        var known = rules.Select(r => r.Id).Concat(rules.Select(r => r.Name)).Concat(Enum.GetValues<RuleCategory>().Select(RuleDocs.CategoryName)).Append("ALL");
        var hint = UsageErrors.DidYouMean(text, known);
        throw new UsageException($"unknown rule selector '{text}' in --{(ignores ? "ignore" : "select")}{(hint.Length > 0 ? hint : " (see `apimlint rules`)")}");
    }
}
