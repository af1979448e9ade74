using System.Text.RegularExpressions;

namespace ApimLint.Reporting;

/// <summary>
/// Masks credentials in text that shows file contents (the --diff output): passwords in AMQP URLs,
/// password elements and properties, and SQL "identified by" clauses.
/// </summary>
public static partial class SecretMask
{
    public const string Mask = "********";

    public static string Apply(string text)
    {
        text = AmqpPassword().Replace(text, m => m.Groups[1].Value + Mask + "@");
        text = PasswordElement().Replace(text, m => m.Groups[1].Value + (m.Groups[2].Value.Length == 0 ? "" : Mask) + m.Groups[3].Value);
        text = PasswordProperty().Replace(text, m => m.Groups[1].Value + Mask);
        return IdentifiedBy().Replace(text, m => m.Groups[1].Value + "'" + Mask + "'");
    }

    [GeneratedRegex(@"(amqp://[^:/@\s]*:)[^@\s']*@", RegexOptions.IgnoreCase)]
    private static partial Regex AmqpPassword();

    [GeneratedRegex(@"(<(?:[\w.-]+:)?[\w.-]*password[^>]*>)([^<]*)(</)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordElement();

    [GeneratedRegex(@"^([+\- ]?[\w.-]*password\s*[=:]\s*)\S.*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PasswordProperty();

    [GeneratedRegex(@"(identified\s+by\s+)('[^']*'|""[^""]*"")", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifiedBy();
}
