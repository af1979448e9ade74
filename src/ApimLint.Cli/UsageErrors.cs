using System.CommandLine;
using System.CommandLine.Parsing;
using ApimLint.Text;

namespace ApimLint.Cli;

/// <summary>
/// What is wrong with a command line, said the way a user can act on: the unknown word and the nearest known one.
/// A word that looks like an option, or a bare word that is no folder, is never taken as a deployment folder.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The one-line messages, and the command whose --help to suggest; null when the command line is well formed.</summary>
    public static (IReadOnlyList<string> Messages, string HelpOf)? Of(ParseResult parse, Command root, bool implicitCheck, string workingDirectory)
    {
        // --help answers even a command line that is wrong otherwise, as the parser's own help does.
        if (parse.Action is CommandHelp.WithExamples) return null;
        var helpOf = CommandPath(parse.CommandResult);
        var command = parse.CommandResult.Command;
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).ToList();
        var stray = positional.Concat(parse.UnmatchedTokens).ToList();
        if (stray.FirstOrDefault(LooksLikeOption) is { } option)
        {
            if (root.Options.Any(o => o.Name == option || o.Aliases.Contains(option)))
                return ([$"{option} is an option of apimlint alone: 'apimlint {option}'"], "apimlint");
            var known = command.Options.Concat(root.Options).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
            return ([$"unknown option '{option}'{DidYouMean(option, known)}"], helpOf);
        }
        if (parse.UnmatchedTokens.FirstOrDefault(t => root.Subcommands.Any(c => c.Name == t)) is { } late && command != root)
            return ([$"'{late}' is a command: it comes first, as in 'apimlint {late} ... [<DIR>]'"], helpOf);
        // `apimlint chek`: a bare word that is no folder is a mistyped command, not a deployment.
        if (implicitCheck && positional.FirstOrDefault() is { } word && IsBareWord(word) && !Directory.Exists(Path.GetFullPath(word, workingDirectory)))
            return ([UnknownCommand(word, root.Subcommands.Select(c => c.Name).Concat(["--help", "--version"]), " nor a folder")], "apimlint");
        if (command.Subcommands.Count > 0 && command.Arguments.Count == 0 && parse.UnmatchedTokens.FirstOrDefault(IsBareWord) is { } sub)
            return ([UnknownCommand(sub, command.Subcommands.Select(c => c.Name), "")], helpOf);
        return parse.Errors.Count > 0 ? (parse.Errors.Select(e => e.Message).ToList(), helpOf) : null;
    }

    /// <summary>"apimlint baseline write": the command a help hint names.</summary>
    public static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? $"{CommandPath(parent)} {result.Command.Name}" : "apimlint";

    /// <param name="orElse">What else the word could have been (" nor a folder"), for the message when nothing is near.</param>
    private static string UnknownCommand(string word, IEnumerable<string> commands, string orElse)
    {
        var list = commands.ToList();
        return DidYouMean(word, list) is { Length: > 0 } hint
            ? $"unknown command '{word}'{hint}"
            : $"'{word}' is not a command ({string.Join(", ", list.Where(c => !c.StartsWith('-')))}){orElse}";
    }

    /// <summary>
    /// "; did you mean '--format'?" for the nearest names (dashes aside, so that `help` finds `--help`); a one-letter
    /// option such as -v finds the long ones starting with its letter. Empty when nothing is near.
    /// </summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates)
    {
        var names = candidates.Distinct().ToList();
        var bare = word.TrimStart('-');
        List<string> nearest;
        if (word.Length == 2 && word[0] == '-' && char.IsLetter(word[1]))
            nearest = names.Where(n => n.StartsWith("--" + word[1], StringComparison.Ordinal)).ToList();
        else
        {
            var limit = bare.Length <= 4 ? 1 : Math.Max(2, bare.Length / 3);
            var distances = names.Select(n => (Name: n, Distance: EditDistance.Between(n.TrimStart('-'), bare, ignoreCase: true))).Where(n => n.Distance <= limit).ToList();
            nearest = distances.Where(n => n.Distance == distances.Min(d => d.Distance)).Select(n => n.Name).ToList();
        }
        // Three or more as near are guesses, not a suggestion.
        return nearest.Count is 0 or > 2 ? "" : $"; did you mean {string.Join(" or ", nearest.Order(StringComparer.Ordinal).Select(n => $"'{n}'"))}?";
    }

    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-';

    /// <summary>A word with no path separator or dot: what a command looks like, and a folder rarely does.</summary>
    private static bool IsBareWord(string token) => token.Length > 0 && !token.Contains('/') && !token.Contains('\\') && !token.StartsWith('.') && !LooksLikeOption(token);
}
