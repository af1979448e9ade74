using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ApimLint.Model;

/// <summary>
/// Which location of a virtual server nginx picks for a request path, as the
/// <a href="https://nginx.org/en/docs/http/ngx_http_core_module.html#location">location directive</a> documents it:
/// an exact <c>=</c> match; else the longest matching prefix, final when it is <c>^~</c>; else the first regular
/// expression that matches, in file order; else that longest prefix. One instance serves one deployment's nginx.conf.
/// </summary>
public sealed class NginxLocationMatch
{
    /// <summary>
    /// How long one expression may take on one path. The paths are apimlint's own (/carbon/ and the like, a dozen
    /// characters), on which any expression a person writes takes microseconds; only one built to backtrack without
    /// end comes near this.
    /// </summary>
    private static readonly TimeSpan ExpressionTimeLimit = TimeSpan.FromMilliseconds(100);

    /// <summary>Expressions that may run out of time before every other is taken as unknown: a hostile nginx.conf costs seconds, not hours.</summary>
    private const int TimeoutsAllowed = 10;

    private readonly ConcurrentDictionary<NginxLocation, Expression> _expressions = new(ReferenceEqualityComparer.Instance as IEqualityComparer<NginxLocation>);
    private int _timeouts;

    /// <summary>A location's expression, compiled once, and its answer for each path asked (every rule asks the same paths).</summary>
    private sealed class Expression(Regex? regex)
    {
        public Regex? Regex { get; } = regex;
        public ConcurrentDictionary<string, bool?> Answers { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The location nginx serves <paramref name="path"/> with; null when none matches or when apimlint cannot tell:
    /// a regular expression .NET cannot evaluate comes before the first that matches, or the location picked has
    /// locations nested in it (nginx would search those too).
    /// </summary>
    public NginxLocation? Select(NginxServer server, string path)
    {
        var candidates = server.Locations.Where(l => l.Directive.Parent?.Name != "location").ToList();
        var picked = Pick(candidates, path, out var known);
        if (!known || picked is null) return null;
        return server.Locations.Any(l => ReferenceEquals(l.Directive.Parent, picked.Directive)) ? null : picked;
    }

    private NginxLocation? Pick(List<NginxLocation> locations, string path, out bool known)
    {
        known = true;
        if (locations.FirstOrDefault(l => l.Modifier == "=" && l.Path.Value == path) is { } exact) return exact;
        var prefix = locations
            .Where(l => l.Modifier is null or "^~" && path.StartsWith(l.Path.Value, StringComparison.Ordinal))
            .MaxBy(l => l.Path.Value.Length);
        if (prefix?.Modifier == "^~") return prefix;
        foreach (var regex in locations.Where(l => l.IsRegex))
        {
            var expression = _expressions.GetOrAdd(regex, Compile);
            switch (expression.Answers.GetOrAdd(path, Matches, expression.Regex))
            {
                case true: return regex;
                case null: known = false; return null;
            }
        }
        return prefix;
    }

    /// <summary>Whether the location's regular expression matches; null when .NET cannot evaluate it as nginx's PCRE would, or not in time.</summary>
    private bool? Matches(string path, Regex? regex)
    {
        if (regex is null || Volatile.Read(ref _timeouts) >= TimeoutsAllowed) return null;
        try
        {
            return regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return null;
        }
    }

    /// <summary>
    /// The backtracking engine, as nginx's PCRE: lookarounds and backreferences mean what nginx takes them to mean,
    /// and the time limit bounds what backtracking can cost.
    /// </summary>
    private static Expression Compile(NginxLocation location)
    {
        var options = RegexOptions.CultureInvariant | (location.Modifier == "~*" ? RegexOptions.IgnoreCase : 0);
        try
        {
            return new(new Regex(location.Path.Value, options, ExpressionTimeLimit));
        }
        catch (ArgumentException)
        {
            // Invalid, or PCRE syntax .NET does not share (a possessive quantifier, \Q…\E, (?P<name>…)).
            return new(null);
        }
    }
}
