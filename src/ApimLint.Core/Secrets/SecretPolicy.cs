namespace ApimLint.Secrets;

/// <summary>
/// Which names hold credentials, in every format's naming: XML elements and attributes, a Property's
/// name attribute, .properties and JSON keys, SQL (password, ConnectionPassword, keyStorePassword,
/// passwd, DB_PWD, keystorePass, oauth.consumer.secret, clientSecret, accessToken, credentials).
/// </summary>
public static class SecretPolicy
{
    private static readonly string[] SecretWords = ["pwd", "secret", "token", "credential", "credentials"];

    public static bool IsSecretName(ReadOnlySpan<char> name)
    {
        if (name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("passwd", StringComparison.OrdinalIgnoreCase)) return true;
        var word = LastWord(name);
        foreach (var secret in SecretWords)
            if (word.Equals(secret, StringComparison.OrdinalIgnoreCase)) return true;
        return IsKeyStorePass(name, word);
    }

    /// <summary>
    /// "pass" is a credential as a name of its own or a key store's (keystorePass, trustStorePass,
    /// truststorepass, keypass); nginx's proxy_pass and fastcgi_pass are not.
    /// </summary>
    private static bool IsKeyStorePass(ReadOnlySpan<char> name, ReadOnlySpan<char> word) =>
        (word.Equals("pass", StringComparison.OrdinalIgnoreCase) && (word.Length == name.Length || char.IsUpper(word[0])))
        || name.EndsWith("storepass", StringComparison.OrdinalIgnoreCase) || name.EndsWith("keypass", StringComparison.OrdinalIgnoreCase);

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
