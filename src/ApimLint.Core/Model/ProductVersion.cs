using System.Globalization;

namespace ApimLint.Model;

/// <summary>An API Manager release, as carbon.xml's <c>&lt;Version&gt;</c> names it ("2.6.0", "2.1.0-update5").</summary>
public readonly record struct ProductVersion(int Major, int Minor, int Patch) : IComparable<ProductVersion>
{
    /// <summary>
    /// The release a version text starts with ("2.6.0-update5", " 4.5"): after any white space, major.minor and an optional
    /// .patch, each one to four ASCII digits. Null when it names none (a placeholder, an empty element).
    /// </summary>
    public static ProductVersion? Parse(string? text)
    {
        if (text is null) return null;
        var rest = text.AsSpan().TrimStart();
        if (Number(ref rest) is not { } major || !rest.StartsWith('.')) return null;
        rest = rest[1..];
        if (Number(ref rest) is not { } minor) return null;
        var patch = rest.StartsWith('.') && rest[1..] is var afterDot && Number(ref afterDot) is { } number ? number : 0;
        return new ProductVersion(major, minor, patch);
    }

    /// <summary>The first one to four ASCII digits of <paramref name="text"/>, consumed; null when it starts with none.</summary>
    private static int? Number(ref ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < Math.Min(text.Length, 4) && char.IsAsciiDigit(text[length])) length++;
        if (length == 0) return null;
        var value = int.Parse(text[..length], CultureInfo.InvariantCulture);
        text = text[length..];
        return value;
    }

    public int CompareTo(ProductVersion other) =>
        (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator <(ProductVersion a, ProductVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(ProductVersion a, ProductVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(ProductVersion a, ProductVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ProductVersion a, ProductVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}

/// <summary>
/// The releases a rule applies to, by minor release: "2.0–2.6" covers every 2.0.x to 2.6.x. A deployment whose version is not known
/// is checked by every rule.
/// </summary>
public sealed record VersionRange(ProductVersion From, ProductVersion Through)
{
    /// <summary>API-M 2.0 to 2.6: the active/passive deployments of the guide.</summary>
    public static readonly VersionRange ApiManager2 = new(new(2, 0, 0), new(2, 6, 0));

    /// <summary>The first release configured by deployment.toml.</summary>
    public static readonly ProductVersion FirstTomlRelease = new(3, 0, 0);

    /// <summary>API-M 3.2 and later: deployment.toml, and the active-active and distributed deployments of today's documentation.</summary>
    public static readonly VersionRange ApiManager32AndLater = new(new(3, 2, 0), Latest);

    /// <summary>API-M 4.0 and later: the event hub, and API artifacts synchronised through the database.</summary>
    public static readonly VersionRange ApiManager4AndLater = new(new(4, 0, 0), Latest);

    private static ProductVersion Latest => new(int.MaxValue, int.MaxValue, 0);

    /// <summary>Every release: the rules about the input itself (files that do not parse, unknown settings).</summary>
    public static readonly VersionRange Any = new(new(0, 0, 0), Latest);

    public bool Contains(ProductVersion version) =>
        (version.Major, version.Minor).CompareTo((From.Major, From.Minor)) >= 0 &&
        (version.Major, version.Minor).CompareTo((Through.Major, Through.Minor)) <= 0;

    /// <summary>"API-M 2.0–2.6", "API-M 2.5".</summary>
    public override string ToString() =>
        this == Any ? "every release" :
        Through == Latest ? $"API-M {From.Major}.{From.Minor} and later" :
        From.Major == Through.Major && From.Minor == Through.Minor
            ? $"API-M {From.Major}.{From.Minor}"
            : $"API-M {From.Major}.{From.Minor}–{Through.Major}.{Through.Minor}";
}
