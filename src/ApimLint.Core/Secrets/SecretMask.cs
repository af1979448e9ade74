namespace ApimLint.Secrets;

/// <summary>
/// Masks credentials in text that shows file contents or values read from them (the --diff output,
/// the HTML report's source lines, drift values, finding messages): by name (<see cref="SecretPolicy"/>),
/// by place in a URL, and by XML and SQL syntax. Linear in the text's length: no pattern backtracks.
/// </summary>
public static class SecretMask
{
    public const string Mask = "********";

    /// <summary>The text with each credential replaced by <see cref="Mask"/>; line breaks inside a masked value stay, so line numbers do too.</summary>
    public static string Apply(string text)
    {
        var ranges = new SecretRanges();
        UrlCredentials.Find(text, ranges);
        KeyValueCredentials.Find(text, ranges);
        XmlCredentials.Find(text, ranges);
        SqlCredentials.Find(text, ranges);
        return ranges.Apply(text, Mask);
    }
}
