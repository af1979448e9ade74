using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ApimLint.Model;

/// <summary>
/// Which location of a virtual server nginx picks for a request path, as the
/// <a href="https://nginx.org/en/docs/http/ngx_http_core_module.html#location">location directive</a> documents it:
/// an exact <c>=</c> match; else the longest matching prefix, final when it is <c>^~</c>; else the first regular
/// expression that matches, in file order; else that longest prefix.
/// </summary>
public static class NginxLocationMatch
{
    /// <summary>
    /// The location nginx serves <paramref name="path"/> with; null when none matches or when apimlint cannot tell:
    /// a regular expression .NET cannot evaluate comes before the first that matches, or the location picked has
    /// locations nested in it (nginx would search those too).
    /// </summary>
    public static NginxLocation? Select(NginxServer server, string path)
    {
        var candidates = server.Locations.Where(l => l.Directive.Parent?.Name != "location").ToList();
        var picked = Pick(candidates, path, out var known);
        if (!known || picked is null) return null;
        return server.Locations.Any(l => ReferenceEquals(l.Directive.Parent, picked.Directive)) ? null : picked;
    }

    private static NginxLocation? Pick(List<NginxLocation> locations, string path, out bool known)
    {
        known = true;
        if (locations.FirstOrDefault(l => l.Modifier == "=" && l.Path.Value == path) is { } exact) return exact;
        var prefix = locations
            .Where(l => l.Modifier is null or "^~" && path.StartsWith(l.Path.Value, StringComparison.Ordinal))
            .MaxBy(l => l.Path.Value.Length);
        if (prefix?.Modifier == "^~") return prefix;
        foreach (var regex in locations.Where(l => l.IsRegex))
        {
            switch (Matches(regex, path))
            {
                case true: return regex;
                case null: known = false; return null;
            }
        }
        return prefix;
    }

    /// <summary>Whether the location's regular expression matches; null when .NET cannot evaluate it as nginx's PCRE would.</summary>
    private static bool? Matches(NginxLocation location, string path) =>
        Compiled.GetValue(location, Compile).Regex?.IsMatch(path);

    /// <summary>Each location's expression compiled once, as it is asked for every management path.</summary>
    private static readonly ConditionalWeakTable<NginxLocation, CompiledRegex> Compiled = new();

    private sealed record CompiledRegex(Regex? Regex);

    private static CompiledRegex Compile(NginxLocation location)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (location.Modifier == "~*" ? RegexOptions.IgnoreCase : 0);
        try
        {
            return new(new Regex(location.Path.Value, options));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Invalid, or a construct (a backreference, a lookaround) that needs backtracking.
            return new(null);
        }
    }
}
