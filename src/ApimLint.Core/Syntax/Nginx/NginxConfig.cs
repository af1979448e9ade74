using ApimLint.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ApimLint.Syntax.Nginx;

/// <summary>An include that could not be followed, and why.</summary>
public sealed record NginxIncludeProblem(NginxDirectiveSyntax Include, string Message);

/// <summary>
/// The main nginx.conf with its includes expanded in place, as nginx reads it. Relative include paths
/// resolve against the main file's folder (nginx's conf prefix); nothing outside the allowed root is read.
/// </summary>
public sealed class NginxConfig
{
    private const int MaxFiles = 1000;
    private const int MaxIncludeDepth = 50;

    private readonly List<NginxFileSyntax> _files = [];
    private readonly List<NginxIncludeProblem> _problems = [];
    private readonly string _prefix;
    private readonly string _allowedRoot;
    private readonly Func<string, SourceText> _readFile;

    private NginxConfig(string mainFile, string allowedRoot, Func<string, SourceText> readFile)
    {
        _prefix = Path.GetDirectoryName(Path.GetFullPath(mainFile))!;
        _allowedRoot = Path.GetFullPath(allowedRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _readFile = readFile;
        Main = NginxParser.Parse(readFile(Path.GetFullPath(mainFile)));
        _files.Add(Main);
        Directives = Expand(Main.Directives, null, [Main.Source.Path], 0);
    }

    public static NginxConfig Load(string mainFilePath, string allowedRoot, Func<string, SourceText> readFile) =>
        new(mainFilePath, allowedRoot, readFile);

    public NginxFileSyntax Main { get; }

    /// <summary>Top-level directives with every include replaced by the directives of the files it names.</summary>
    public IReadOnlyList<NginxDirectiveSyntax> Directives { get; }

    /// <summary>Every file read, the main file first.</summary>
    public IReadOnlyList<NginxFileSyntax> Files => _files;

    public IReadOnlyList<NginxIncludeProblem> Problems => _problems;

    /// <summary>All directives, depth first, in the order nginx reads them.</summary>
    public IEnumerable<NginxDirectiveSyntax> Descendants()
    {
        var stack = new Stack<NginxDirectiveSyntax>(Directives.Reverse());
        while (stack.Count > 0)
        {
            var directive = stack.Pop();
            yield return directive;
            foreach (var child in (directive.Block ?? []).Reverse()) stack.Push(child);
        }
    }

    private List<NginxDirectiveSyntax> Expand(IReadOnlyList<NginxDirectiveSyntax> directives, NginxDirectiveSyntax? parent, HashSet<string> including, int depth)
    {
        var result = new List<NginxDirectiveSyntax>();
        foreach (var directive in directives)
        {
            if (directive.Name == "include" && directive.Block is null && directive.Arguments.Count == 1)
            {
                result.AddRange(Include(directive, parent, including, depth));
                continue;
            }
            if (directive.Block is not null) directive.SetBlock(Expand(directive.Block, directive, including, depth));
            directive.Parent = parent;
            result.Add(directive);
        }
        return result;
    }

    private IEnumerable<NginxDirectiveSyntax> Include(NginxDirectiveSyntax include, NginxDirectiveSyntax? parent, HashSet<string> including, int depth)
    {
        var pattern = include.Arguments[0].Value;
        var result = new List<NginxDirectiveSyntax>();
        if (depth >= MaxIncludeDepth)
        {
            _problems.Add(new(include, $"includes nested deeper than {MaxIncludeDepth}"));
            return result;
        }
        foreach (var path in Resolve(include, pattern))
        {
            if (including.Contains(path))
            {
                _problems.Add(new(include, $"include cycle: {path} includes itself"));
                continue;
            }
            if (_files.Count >= MaxFiles)
            {
                _problems.Add(new(include, $"more than {MaxFiles} files included"));
                break;
            }
            var file = NginxParser.Parse(_readFile(path));
            _files.Add(file);
            result.AddRange(Expand(file.Directives, parent, [.. including, path], depth + 1));
        }
        return result;
    }

    private IEnumerable<string> Resolve(NginxDirectiveSyntax include, string pattern)
    {
        var full = Path.GetFullPath(pattern, _prefix);
        if (!full.StartsWith(_allowedRoot, StringComparison.Ordinal))
        {
            _problems.Add(new(include, $"{pattern} is outside the deployment folder and was not read"));
            return [];
        }
        if (pattern.IndexOfAny(['*', '?', '[']) < 0)
        {
            if (File.Exists(full)) return [full];
            _problems.Add(new(include, $"{pattern}: no such file"));
            return [];
        }
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(Path.GetRelativePath(_allowedRoot, full).Replace('\\', '/'));
        return matcher.GetResultsInFullPath(_allowedRoot).Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
    }
}
