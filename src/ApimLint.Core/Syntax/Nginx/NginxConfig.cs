using ApimLint.Text;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace ApimLint.Syntax.Nginx;

/// <summary>
/// An include that was not followed, and why. <see cref="Include"/> is the directive as parsed in its own file
/// (one of <see cref="NginxConfig.Files"/>).
/// </summary>
public sealed record NginxIncludeProblem(NginxDirectiveSyntax Include, string Message);

/// <summary>
/// The main nginx.conf with its includes expanded in place, as nginx reads it. The main file's folder stands for
/// nginx's configuration prefix: relative include paths resolve against it, and absolute paths under the server's
/// prefix (/etc/nginx by default) are read from the same place inside it. A path with '*', '?' or '[' is a glob
/// whose matches are read in ordinal order, and which may match nothing. No file outside the allowed root is read.
/// </summary>
/// <remarks>
/// The expanded tree is built of its own directive objects, with the same sources and spans as those of
/// <see cref="Files"/>: a file included in several places appears once per place, each with its own
/// <see cref="NginxDirectiveSyntax.Parent"/>, while the per-file trees stay as parsed.
/// </remarks>
public sealed class NginxConfig
{
    /// <summary>How many times files may be included in all, counting a file each time it is included.</summary>
    public const int MaxIncludedFiles = 1000;

    /// <summary>How deep includes may nest: a file included by the main file is at depth 1.</summary>
    public const int MaxIncludeDepth = 50;

    /// <summary>The configuration prefix of the nginx that distributions ship (nginx -V: --conf-path=/etc/nginx/nginx.conf).</summary>
    public const string DefaultPrefix = "/etc/nginx";

    private NginxConfig(NginxFileSyntax main, IReadOnlyList<NginxDirectiveSyntax> directives, IReadOnlyList<NginxFileSyntax> files,
        IReadOnlyList<NginxIncludeProblem> problems, IReadOnlyList<NginxIncludeProblem> notRead, bool mainLevelIsComplete,
        bool mainLevelHasGap, IReadOnlySet<NginxDirectiveSyntax> blocksWithGaps)
    {
        Main = main;
        Directives = directives;
        Files = files;
        Problems = problems;
        NotRead = notRead;
        MainLevelIsComplete = mainLevelIsComplete;
        _mainLevelHasGap = mainLevelHasGap;
        _blocksWithGaps = blocksWithGaps;
    }

    private readonly bool _mainLevelHasGap;
    private readonly IReadOnlySet<NginxDirectiveSyntax> _blocksWithGaps;

    /// <summary>
    /// Reads the main file (as given: the caller chose it) and every file it includes through
    /// <paramref name="readFile"/>, each distinct file once. Whether an include's file exists, and what a glob
    /// matches, is asked of the disk. <paramref name="serverPrefix"/> is the prefix nginx runs with on the server.
    /// </summary>
    public static NginxConfig Load(string mainFilePath, string allowedRoot, Func<string, SourceText> readFile, string serverPrefix = DefaultPrefix) =>
        new Loader(mainFilePath, allowedRoot, readFile, serverPrefix).Load();

    /// <summary>The main file as parsed, includes not expanded.</summary>
    public NginxFileSyntax Main { get; }

    /// <summary>The top-level directives with every include replaced by the directives of the files it names.</summary>
    public IReadOnlyList<NginxDirectiveSyntax> Directives { get; }

    /// <summary>Every distinct file read, the main file first, in the order they were first read.</summary>
    public IReadOnlyList<NginxFileSyntax> Files { get; }

    /// <summary>
    /// Includes nginx or apimlint refuses: an escape from the deployment folder, a cycle, a folder, a link out, the
    /// limits. A syntax error in an included file is that file's <see cref="NginxFileSyntax.Error"/>.
    /// </summary>
    public IReadOnlyList<NginxIncludeProblem> Problems { get; }

    /// <summary>
    /// Includes whose files are not in the deployment folder (or lie outside the prefix), so what they hold is
    /// unknown. The files nginx packages ship that route nothing (<see cref="IsShipped"/>) are left out.
    /// </summary>
    public IReadOnlyList<NginxIncludeProblem> NotRead { get; }

    /// <summary>
    /// Whether every directive at the main level (outside any block) is known: no include there was left unread
    /// or refused, not even of a shipped file (modules-enabled/ may hold anything), and no file read there failed to parse.
    /// </summary>
    public bool MainLevelIsComplete { get; }

    /// <summary>
    /// Whether every include directly in <paramref name="block"/> (a block of <see cref="Directives"/>' tree; null
    /// for the main level) was read and parsed, apart from the shipped files that route nothing
    /// (<see cref="IsShipped"/>): what was not read there may set what the block's rules look for.
    /// </summary>
    public bool LevelIsComplete(NginxDirectiveSyntax? block) => block is null ? !_mainLevelHasGap : !_blocksWithGaps.Contains(block);

    /// <summary>
    /// The files nginx packages install beside nginx.conf (relative to the prefix) that route nothing: types, CGI
    /// parameters, charset maps and module loading, so their absence says nothing. proxy_params (it sets the
    /// X-Forwarded-* headers) and snippets/ (the operator's own) are not among them.
    /// </summary>
    public static bool IsShipped(string pathUnderPrefix) =>
        ShippedFiles.Contains(pathUnderPrefix) || ShippedFolders.Any(f => pathUnderPrefix.StartsWith(f, StringComparison.Ordinal));

    private static readonly HashSet<string> ShippedFiles =
        ["mime.types", "fastcgi_params", "fastcgi.conf", "scgi_params", "uwsgi_params", "koi-utf", "koi-win", "win-utf"];

    private static readonly string[] ShippedFolders = ["modules-enabled/"];

    /// <summary>Every directive of the expanded tree, depth first, in the order nginx reads them.</summary>
    public IEnumerable<NginxDirectiveSyntax> Descendants()
    {
        var stack = new Stack<(IReadOnlyList<NginxDirectiveSyntax> List, int Index)>();
        stack.Push((Directives, 0));
        while (stack.Count > 0)
        {
            var (list, index) = stack.Pop();
            if (index == list.Count) continue;
            stack.Push((list, index + 1));
            var directive = list[index];
            yield return directive;
            if (directive.Block is { Count: > 0 } block) stack.Push((block, 0));
        }
    }

    private sealed class Loader
    {
        private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private readonly string _mainPath;
        private string _prefix;

        /// <summary>The file whose folder stands for the prefix, as messages name it.</summary>
        private string _prefixFile;
        private readonly string _serverPrefix;
        private readonly string[] _serverPrefixSegments;
        private readonly string _root;
        private readonly Func<string, SourceText> _readFile;
        private readonly Dictionary<string, NginxFileSyntax> _parsed = new(PathComparer);
        private readonly List<NginxFileSyntax> _files = [];
        private readonly List<NginxIncludeProblem> _problems = [];
        private readonly List<NginxIncludeProblem> _notRead = [];
        private readonly HashSet<NginxIncludeProblem> _reported = [];
        private readonly HashSet<string> _including = new(PathComparer);
        private int _included;

        /// <summary>The block the include being followed sits in (null: the main level), which a gap leaves incomplete.</summary>
        private NginxDirectiveSyntax? _level;

        private bool _mainLevelIsComplete = true;
        private bool _mainLevelHasGap;
        private readonly HashSet<NginxDirectiveSyntax> _blocksWithGaps = new(ReferenceEqualityComparer.Instance);

        public Loader(string mainFilePath, string allowedRoot, Func<string, SourceText> readFile, string serverPrefix)
        {
            _mainPath = Path.GetFullPath(mainFilePath);
            _prefix = Path.GetDirectoryName(_mainPath) ?? _mainPath;
            _prefixFile = Path.GetFileName(_mainPath);
            _serverPrefixSegments = Segments(serverPrefix);
            _serverPrefix = "/" + string.Join('/', _serverPrefixSegments);
            _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(allowedRoot));
            _readFile = readFile;
        }

        /// <summary>A list of directives being copied into the expanded tree, or a file waiting to be included there.</summary>
        private sealed class Frame(IReadOnlyList<NginxDirectiveSyntax> source, List<NginxDirectiveSyntax> target, NginxDirectiveSyntax? parent, int depth)
        {
            public IReadOnlyList<NginxDirectiveSyntax> Source { get; set; } = source;
            public List<NginxDirectiveSyntax> Target { get; } = target;
            public NginxDirectiveSyntax? Parent { get; } = parent;
            public int Depth { get; } = depth;
            public int Index { get; set; }

            /// <summary>The file whose top level this frame copies, to leave the include chain when done.</summary>
            public string? File { get; set; }

            /// <summary>Set while the frame is a file not yet read, named by this include.</summary>
            public NginxDirectiveSyntax? PendingInclude { get; set; }
        }

        public NginxConfig Load()
        {
            var main = Parse(_mainPath);
            if (!main.Directives.Any(d => d.Name == "http")) UseSiteFilePrefix();
            if (main.Error is not null) MarkGap(shipped: false);
            var directives = new List<NginxDirectiveSyntax>();

            // An explicit stack rather than recursion: blocks nest up to 256 deep in each of up to 50 nested files.
            var stack = new Stack<Frame>();
            stack.Push(new Frame(main.Directives, directives, null, 0) { File = _mainPath });
            _including.Add(_mainPath);
            while (stack.Count > 0)
            {
                var frame = stack.Peek();
                _level = frame.Parent;
                if (frame.PendingInclude is { } include)
                {
                    frame.PendingInclude = null;
                    if (Open(frame.File!, include) is { } file)
                    {
                        frame.Source = file.Directives;
                        if (file.Error is not null) MarkGap(shipped: false);
                    }
                    else stack.Pop();
                    continue;
                }
                if (frame.Index == frame.Source.Count)
                {
                    stack.Pop();
                    if (frame.File is not null) _including.Remove(frame.File);
                    continue;
                }

                var directive = frame.Source[frame.Index++];
                if (directive.Name == "include" && IncludeIsWellFormed(directive))
                {
                    if (frame.Depth == MaxIncludeDepth)
                    {
                        Report(directive, $"includes nested deeper than {MaxIncludeDepth} levels; this include was not followed");
                        continue;
                    }
                    var paths = Resolve(directive);
                    for (var i = paths.Count - 1; i >= 0; i--)
                        stack.Push(new Frame([], frame.Target, frame.Parent, frame.Depth + 1) { File = paths[i], PendingInclude = directive });
                    continue;
                }

                var copy = new NginxDirectiveSyntax(directive.Source, directive.Span, directive.Name, directive.NameSpan, directive.Arguments,
                    directive.Block is null ? null : new List<NginxDirectiveSyntax>(directive.Block.Count), directive.BlockSpan)
                {
                    Parent = frame.Parent,
                };
                frame.Target.Add(copy);
                if (directive.Block is not null) stack.Push(new Frame(directive.Block, copy.BlockList!, copy, frame.Depth));
            }
            return new NginxConfig(main, directives, _files, _problems, _notRead, _mainLevelIsComplete, _mainLevelHasGap, _blocksWithGaps);
        }

        /// <summary>
        /// A site file (no http block) lives in sites-enabled/, sites-available/ or conf.d/ under the prefix: when the
        /// folder above its own holds nginx.conf, that folder is the prefix, as in the Debian and Docker layouts.
        /// </summary>
        private void UseSiteFilePrefix()
        {
            if (Path.GetDirectoryName(_prefix) is not { } parent || !IsInsideRoot(parent)) return;
            var nginxConf = Path.Combine(parent, "nginx.conf");
            if (!File.Exists(nginxConf) || Loading.Confinement.ReadProblem(nginxConf, _root, Loading.Confinement.DeploymentFolder, followLinks: null) is not null) return;
            _prefix = parent;
            _prefixFile = "nginx.conf";
        }

        private bool IncludeIsWellFormed(NginxDirectiveSyntax include)
        {
            // nginx's own wording for an include it refuses; such a directive stays in the tree as written.
            if (include.Block is not null)
                Report(include, "directive \"include\" is not terminated by \";\"");
            else if (include.Arguments.Count != 1)
                Report(include, "invalid number of arguments in \"include\" directive");
            else
                return true;
            return false;
        }

        /// <summary>Reads and parses a file an include names, unless the include chain or the limits forbid it.</summary>
        private NginxFileSyntax? Open(string path, NginxDirectiveSyntax include)
        {
            if (_including.Contains(path))
            {
                Report(include, $"{Shown(path)} is already being included (an include cycle); it was not read again");
                return null;
            }
            if (_included == MaxIncludedFiles)
            {
                Report(include, $"more than {MaxIncludedFiles} files included; this include was not followed");
                return null;
            }
            _included++;
            _including.Add(path);
            return Parse(path);
        }

        private NginxFileSyntax Parse(string path)
        {
            if (_parsed.TryGetValue(path, out var file)) return file;
            file = NginxParser.Parse(_readFile(path));
            _parsed.Add(path, file);
            _files.Add(file);
            return file;
        }

        /// <summary>A path as messages show it: relative to the deployment folder, never revealing where that folder is.</summary>
        private string Shown(string full) => Path.GetRelativePath(_root, full).Replace('\\', '/');

        private void Report(NginxDirectiveSyntax include, string message) => Add(_problems, include, message);

        /// <summary>An include whose files the deployment folder does not hold, unless nginx packages ship them.</summary>
        private void NotRead(NginxDirectiveSyntax include, string full, string reason)
        {
            var underPrefix = Path.GetRelativePath(_prefix, full).Replace('\\', '/');
            if (!underPrefix.StartsWith("../", StringComparison.Ordinal) && IsShipped(underPrefix))
            {
                MarkGap(shipped: true);
                return;
            }
            Add(_notRead, include, $"{include.Arguments[0].Value} was not read: {reason}");
        }

        private void Add(List<NginxIncludeProblem> list, NginxDirectiveSyntax include, string message)
        {
            MarkGap(shipped: false);
            var problem = new NginxIncludeProblem(include, message);
            if (_reported.Add(problem)) list.Add(problem);
        }

        /// <summary>Records that something at the current level is unknown; a shipped file matters at the main level only.</summary>
        private void MarkGap(bool shipped)
        {
            if (_level is null)
            {
                _mainLevelIsComplete = false;
                _mainLevelHasGap |= !shipped;
            }
            else if (!shipped) _blocksWithGaps.Add(_level);
        }

        /// <summary>A path's names without empty ones and '.', with '..' taken back, as the server's file system would read them.</summary>
        private static string[] Segments(string path)
        {
            var segments = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment is "" or ".") continue;
                if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
                else segments.Add(segment);
            }
            return [.. segments];
        }

        /// <summary>An absolute path of the server as a path relative to the prefix; null when it is not under the prefix.</summary>
        private string? UnderServerPrefix(string absolute)
        {
            var segments = Segments(absolute);
            if (segments.Length < _serverPrefixSegments.Length) return null;
            for (var i = 0; i < _serverPrefixSegments.Length; i++)
                if (!string.Equals(segments[i], _serverPrefixSegments[i], PathComparison)) return null;
            return string.Join('/', segments.Skip(_serverPrefixSegments.Length));
        }

        /// <summary>The full paths an include names, in the order nginx reads them; problems are reported.</summary>
        private List<string> Resolve(NginxDirectiveSyntax include)
        {
            var argument = include.Arguments[0].Value;
            var local = argument;
            if (argument.StartsWith('/'))
            {
                // The deployment folder holds the server's prefix, not its root: only what lies under the prefix is here.
                if (UnderServerPrefix(argument) is not { } underPrefix)
                {
                    Add(_notRead, include, $"{argument} was not read: it is outside nginx's prefix {_serverPrefix}, which the folder of {_prefixFile} stands for");
                    return [];
                }
                local = underPrefix;
            }
            string full;
            try
            {
                full = Path.GetFullPath(local.Length == 0 ? "." : local, _prefix);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                Report(include, $"\"{argument}\" is not a valid path");
                return [];
            }

            // Only the argument decides whether this is a glob: the folder this checkout sits in is not nginx's prefix.
            if (local.IndexOfAny(GlobCharacters) < 0)
            {
                if (!IsInsideRoot(full))
                    Report(include, $"{argument} is outside the deployment folder and was not read");
                else if (Unreadable(include, full))
                    return [];
                else if (File.Exists(full))
                    return [full];
                else if (Directory.Exists(full))
                    Report(include, $"{Shown(full)} is a folder, not a file");
                else
                    NotRead(include, full, $"there is no {Shown(full)} in the deployment folder");
                return [];
            }
            return Glob(include, full);
        }

        private static readonly char[] GlobCharacters = ['*', '?', '['];

        private static readonly char[] Separators = OperatingSystem.IsWindows() ? ['\\', '/'] : ['/'];

        /// <summary>
        /// The files a glob matches, as glob(3) would find them for nginx: '*', '?' and '[...]' match within one path
        /// segment and never match a leading '.'. Matcher lists the candidates; <see cref="SegmentMatches"/>
        /// decides, since Matcher knows '*' and '**' only.
        /// </summary>
        private List<string> Glob(NginxDirectiveSyntax include, string fullPattern)
        {
            var firstGlob = fullPattern.IndexOfAny(GlobCharacters);
            var baseEnd = fullPattern.LastIndexOfAny(Separators, firstGlob);
            var baseDirectory = baseEnd <= 0 ? Path.GetPathRoot(fullPattern) ?? "" : fullPattern[..baseEnd];
            if (Path.GetPathRoot(fullPattern) is { } driveRoot && baseDirectory.Length < driveRoot.Length) baseDirectory = driveRoot;
            if (!IsInsideRoot(baseDirectory))
            {
                Report(include, $"{include.Arguments[0].Value} is outside the deployment folder and was not read");
                return [];
            }
            if (!Directory.Exists(baseDirectory))
            {
                NotRead(include, fullPattern, $"there is no folder {Shown(baseDirectory)} in the deployment folder");
                return [];
            }
            if (Unreadable(include, baseDirectory)) return [];

            var segments = fullPattern[(baseEnd + 1)..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            var matcher = new Matcher(PathComparison);
            matcher.AddInclude(string.Join('/', segments.Select(s => s.IndexOfAny(GlobCharacters) < 0 ? s : "*")));
            PatternMatchingResult result;
            try
            {
                result = matcher.Execute(new ConfinedDirectory(new DirectoryInfo(baseDirectory), folder => Loading.Confinement.LeadsInside(_root, folder)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report(include, $"{Shown(baseDirectory)} cannot be listed ({e.Message}); this include was not followed");
                return [];
            }

            var paths = new List<string>();
            foreach (var match in result.Files)
            {
                var names = match.Path.Split('/');
                if (names.Length != segments.Length) continue;
                var matches = true;
                for (var i = 0; i < names.Length && matches; i++)
                    matches = segments[i].IndexOfAny(GlobCharacters) < 0 ? string.Equals(segments[i], names[i], PathComparison) : SegmentMatches(segments[i], names[i]);
                if (!matches) continue;
                var path = Path.GetFullPath(Path.Combine(baseDirectory, match.Path));
                if (IsInsideRoot(path) && !Unreadable(include, path)) paths.Add(path);
            }
            paths.Sort(PathComparer);
            return paths;
        }

        /// <summary>Reports a file that links out of the deployment folder or is no regular file (a FIFO would block nginx's reader too).</summary>
        private bool Unreadable(NginxDirectiveSyntax include, string fullPath)
        {
            if (Loading.Confinement.ReadProblem(fullPath, _root, Loading.Confinement.DeploymentFolder, followLinks: null) is not { } problem) return false;
            Report(include, $"{Shown(fullPath)}: {problem}");
            return true;
        }

        private bool IsInsideRoot(string fullPath)
        {
            fullPath = Path.TrimEndingDirectorySeparator(fullPath);
            if (string.Equals(fullPath, _root, PathComparison)) return true;
            var rootWithSeparator = Path.EndsInDirectorySeparator(_root) ? _root : _root + Path.DirectorySeparatorChar;
            return fullPath.StartsWith(rootWithSeparator, PathComparison);
        }

        private abstract record GlobElement;

        private sealed record Star : GlobElement;

        private sealed record AnyChar : GlobElement;

        private sealed record Literal(char Char) : GlobElement;

        private sealed record CharClass(List<(char Low, char High)> Ranges, bool Negated) : GlobElement;

        /// <summary>fnmatch(3) for one path segment: '*', '?', '[...]' ('!' or '^' negates, ranges), '\' quoting on Unix.</summary>
        internal static bool SegmentMatches(string pattern, string name)
        {
            var ignoreCase = OperatingSystem.IsWindows();
            var elements = Compile(pattern, escapes: !ignoreCase);

            // glob(3) without GLOB_PERIOD: only a literal '.' matches a name's leading '.'.
            if (name.StartsWith('.') && elements is not [Literal { Char: '.' }, ..]) return false;

            int e = 0, n = 0, starE = -1, starN = 0;
            while (n < name.Length)
            {
                if (e < elements.Count)
                {
                    switch (elements[e])
                    {
                        case Star:
                            starE = ++e;
                            starN = n;
                            continue;
                        case AnyChar:
                        case Literal l when CharEquals(l.Char, name[n], ignoreCase):
                        case CharClass k when ClassMatches(k, name[n], ignoreCase):
                            e++;
                            n++;
                            continue;
                    }
                }
                if (starE < 0) return false;
                e = starE;
                n = ++starN;
            }
            while (e < elements.Count && elements[e] is Star) e++;
            return e == elements.Count;
        }

        private static List<GlobElement> Compile(string pattern, bool escapes)
        {
            var elements = new List<GlobElement>();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '*') elements.Add(new Star());
                else if (c == '?') elements.Add(new AnyChar());
                else if (c == '\\' && escapes && i + 1 < pattern.Length) elements.Add(new Literal(pattern[++i]));
                else if (c == '[' && CompileClass(pattern, i, escapes) is { } compiled)
                {
                    elements.Add(compiled.Class);
                    i = compiled.End;
                }
                else elements.Add(new Literal(c));
            }
            return elements;
        }

        /// <summary>A '[...]' starting at <paramref name="start"/> and the offset of its ']'; null when unclosed, and so a literal '['.</summary>
        private static (CharClass Class, int End)? CompileClass(string pattern, int start, bool escapes)
        {
            var i = start + 1;
            var negated = i < pattern.Length && pattern[i] is '!' or '^';
            if (negated) i++;
            var ranges = new List<(char, char)>();
            var first = true;
            while (i < pattern.Length && (first || pattern[i] != ']'))
            {
                first = false;
                var low = pattern[i];
                if (low == '\\' && escapes && i + 1 < pattern.Length) low = pattern[++i];
                var high = low;
                if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
                {
                    i += 2;
                    high = pattern[i];
                    if (high == '\\' && escapes && i + 1 < pattern.Length) high = pattern[++i];
                }
                ranges.Add((low, high));
                i++;
            }
            return i < pattern.Length ? (new CharClass(ranges, negated), i) : null;
        }

        private static bool ClassMatches(CharClass k, char c, bool ignoreCase)
        {
            var matched = k.Ranges.Exists(r => InRange(c, r.Low, r.High)
                || ignoreCase && (InRange(char.ToUpperInvariant(c), r.Low, r.High) || InRange(char.ToLowerInvariant(c), r.Low, r.High)));
            return matched != k.Negated;
        }

        private static bool InRange(char c, char low, char high) => low <= c && c <= high;

        private static bool CharEquals(char a, char b, bool ignoreCase) =>
            a == b || ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
    }
}
