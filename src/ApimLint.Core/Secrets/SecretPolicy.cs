namespace ApimLint.Secrets;

/// <summary>
/// Which names hold credentials, in every format's naming: XML elements and attributes, a Property's
/// name attribute, .properties and JSON keys (password, ConnectionPassword, keyStorePassword, passwd,
/// keystorePass, oauth.consumer.secret, DB_PWD, accessToken, credentials).
/// </summary>
public static class SecretPolicy
{
    private static readonly string[] SecretWords = ["pass", "pwd", "secret", "token", "credential", "credentials"];

    public static bool IsSecretName(ReadOnlySpan<char> name) =>
        name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("passwd", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("pass", StringComparison.OrdinalIgnoreCase) || IsSecretWord(LastWord(name));

    private static bool IsSecretWord(ReadOnlySpan<char> word)
    {
        foreach (var secret in SecretWords)
            if (word.Equals(secret, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The last word of a name: after its last separator (. _ - :) or camelCase hump ("Secret" of "clientSecret").</summary>
    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> name)
    {
        var start = name.Length;
        while (start > 0 && char.IsLetterOrDigit(name[start - 1]))
        {
            start--;
            if (char.IsUpper(name[start]) && start > 0 && char.IsLower(name[start - 1])) break;
        }
        return name[start..];
    }
}
