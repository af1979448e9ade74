using System.Text.RegularExpressions;

namespace ApimLint.Reporting;

/// <summary>
/// Masks credentials in text that shows file contents (the --diff output, the HTML report's source lines): passwords in AMQP URLs,
/// password elements and properties, and SQL "identified by" clauses.
/// </summary>
public static partial class SecretMask
{
    public const string Mask = "********";

    public static string Apply(string text)
    {
        text = AmqpPassword().Replace(text, m => m.Groups[1].Value + Mask + "@");
        // Line breaks inside a masked value stay, so that masked text keeps its line numbers.
        text = PasswordElement().Replace(text, m => m.Groups[1].Value + (m.Groups[2].Value.Length == 0 ? "" : Mask + LineBreaks(m.Groups[2].Value)) + m.Groups[3].Value);
        text = PasswordProperty().Replace(text, m => m.Groups[1].Value + Mask);
        return IdentifiedBy().Replace(text, m => m.Groups[1].Value + "'" + Mask + "'");
    }

    private static string LineBreaks(string text) => new('\n', LineBreak().Count(text));

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"(amqp://[^:/@\s]*:)[^@\s']*@", RegexOptions.IgnoreCase)]
    private static partial Regex AmqpPassword();

    [GeneratedRegex(@"(<(?:[\w.-]+:)?[\w.-]*password[^>]*>)([^<]*)(</)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordElement();

    [GeneratedRegex(@"^([+\- ]?[\w.-]*password\s*[=:]\s*)\S.*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PasswordProperty();

    [GeneratedRegex(@"(identified\s+by\s+)('[^']*'|""[^""]*"")", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifiedBy();
}
