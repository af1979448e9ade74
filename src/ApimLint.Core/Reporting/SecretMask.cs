using System.Text.RegularExpressions;

namespace ApimLint.Reporting;

/// <summary>
/// Masks credentials in text that shows file contents (the --diff output, the HTML report's source lines): passwords in AMQP URLs,
/// password elements, attributes (keystorePass), properties and URL query parameters, and SQL "identified by" clauses.
/// </summary>
public static partial class SecretMask
{
    public const string Mask = "********";

    public static string Apply(string text)
    {
        text = AmqpPassword().Replace(text, m => m.Groups[1].Value + Mask + "@");
        // Line breaks inside a masked value stay, so that masked text keeps its line numbers.
        text = PasswordElement().Replace(text, MaskElementText);
        text = NamedPasswordElement().Replace(text, MaskElementText);
        text = PasswordAttribute().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value[0] + Mask + m.Groups[2].Value[0]);
        text = PasswordProperty().Replace(text, m => m.Groups[1].Value + Mask);
        text = UrlPassword().Replace(text, m => m.Groups[1].Value + Mask);
        return IdentifiedBy().Replace(text, m => m.Groups[1].Value + "'" + Mask + "'");
    }

    private static string MaskElementText(Match m) =>
        m.Groups[1].Value + (m.Groups[2].Value.Length == 0 ? "" : Mask + LineBreaks(m.Groups[2].Value)) + m.Groups[3].Value;

    private static string LineBreaks(string text) => new('\n', LineBreak().Count(text));

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"(amqp://[^:/@\s]*:)[^@\s']*@", RegexOptions.IgnoreCase)]
    private static partial Regex AmqpPassword();

    [GeneratedRegex(@"(<(?:[\w.-]+:)?[\w.-]*password[^>]*>)([^<]*)(</)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordElement();

    /// <summary>An element whose name attribute says password: &lt;Property name="ConnectionPassword"&gt;.</summary>
    [GeneratedRegex(@"(<[\w.:-]+\s[^>]*\bname\s*=\s*[""'][^""']*(?:password|passwd|pass)[""'][^>]*>)([^<]*)(</)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedPasswordElement();

    /// <summary>An attribute whose name says password: keystorePass="…", password='…'.</summary>
    [GeneratedRegex(@"(\s[\w.:-]*(?:password|passwd|pass)\s*=\s*)(""[^""]*""|'[^']*')", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordAttribute();

    /// <summary>A password in a URL's query: jdbc:mysql://db/apimgtdb?user=u&amp;password=….</summary>
    [GeneratedRegex(@"([?&;](?:password|passwd|pwd)=)[^&;\s'""<]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"^([+\- ]?[\w.-]*(?:password|passwd)\s*[=:]\s*)\S.*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PasswordProperty();

    [GeneratedRegex(@"(identified\s+by\s+)('[^']*'|""[^""]*"")", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifiedBy();
}
