namespace ApimLint.Secrets;

/// <summary>
/// Masks credentials in text that shows file contents or values read from them (the --diff output,
/// the HTML report's source lines, drift values, finding messages): by name (<see cref="SecretPolicy"/>),
/// by place in a URL, by XML, SQL and HTTP header syntax; in the text as written, as its escapes decode
/// and, in a unified diff, on each side. Linear in the text's length: no pattern backtracks.
/// </summary>
public static class SecretMask
{
    public const string Mask = "********";

    /// <summary>The text with each credential replaced by <see cref="Mask"/>; line breaks inside a masked value stay, so line numbers do too.</summary>
    public static string Apply(string text)
    {
        var ranges = new SecretRanges();
        foreach (var view in TextView.All(text))
        {
            var found = new SecretRanges();
            UrlCredentials.Find(view.Text, found);
            KeyValueCredentials.Find(view.Text, found);
            XmlCredentials.Find(view.Text, found);
            SqlCredentials.Find(view.Text, found);
            HeaderCredentials.Find(view.Text, found);
            ranges.AddFrom(found, view);
        }
        return ranges.Apply(text, Mask);
    }
}
