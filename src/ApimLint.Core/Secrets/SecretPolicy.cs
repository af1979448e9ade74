namespace ApimLint.Secrets;

/// <summary>
/// Which names hold credentials, in every format's naming (snake_case, kebab-case, dotted, camelCase):
/// XML elements and attributes, a Property's name attribute, .properties and JSON keys, HTTP headers
/// (password, ConnectionPassword, passwd, passphrase, DB_PWD, db_pass, keystorePass, oauth.consumer.secret,
/// clientSecret, accessToken, access_token, credentials, apiKey, private_key, secretKey, Authorization).
/// </summary>
public static class SecretPolicy
{
    /// <summary>Secret wherever they stand in a name (PasswordJavaRegEx is a password rule, masked all the same).</summary>
    private static readonly string[] SecretParts = ["password", "passwd", "passphrase"];

    /// <summary>Secret as a name's last word (clientSecret, DB_PWD); secretAlias and TokenEndPointName are not.</summary>
    private static readonly string[] SecretLastWords = ["pwd", "pass", "secret", "token", "credential", "credentials", "authorization"];

    /// <summary>"key" alone names a key store entry or an attribute; these before it make it a credential.</summary>
    private static readonly string[] CredentialKeyKinds = ["api", "private", "secret", "access"];

    /// <summary>nginx directives whose last word is "pass" (proxy_pass, fastcgi_pass, …): an upstream, not a password.</summary>
    private static readonly string[] UpstreamPassModules = ["proxy", "fastcgi", "uwsgi", "scgi", "grpc", "memcached"];

    public static bool IsSecretName(ReadOnlySpan<char> name)
    {
        foreach (var part in SecretParts)
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase)) return true;
        if (name.EndsWith("storepass", StringComparison.OrdinalIgnoreCase) || name.EndsWith("keypass", StringComparison.OrdinalIgnoreCase)) return true;
        var last = LastWord(name, out var before);
        if (last.Equals("pass", StringComparison.OrdinalIgnoreCase)) return !IsOneOf(before, UpstreamPassModules);
        if (last.Equals("key", StringComparison.OrdinalIgnoreCase)) return IsOneOf(before, CredentialKeyKinds);
        return IsOneOf(last, SecretLastWords) || EndsLikeSecret(last);
    }

    /// <summary>A name written as one word in one case (clientsecret, ACCESSTOKEN, dbpwd, apikey): its ending says it as well.</summary>
    private static bool EndsLikeSecret(ReadOnlySpan<char> word)
    {
        foreach (var ending in SecretLastWords)
            if (ending != "pass" && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var kind in CredentialKeyKinds)
            if (word.EndsWith(kind + "key", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// Whether an attribute of an element holds a secret: by its own name, or because its element's name
    /// or name attribute says so (&lt;Property name="Password" value="…"/&gt;); never the name attribute
    /// itself, nor a secure vault alias (secretAlias), which names a secret and does not hold one.
    /// </summary>
    public static bool IsSecretAttribute(ReadOnlySpan<char> attribute, bool secretElement)
    {
        var local = attribute[(attribute.IndexOf(':') + 1)..];
        if (IsSecretName(local)) return true;
        return secretElement && !local.Equals("name", StringComparison.OrdinalIgnoreCase) && !local.EndsWith("alias", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// The last word of a name, after its last separator (. _ - : and any other) or camelCase hump
    /// ("Secret" of "clientSecret"), and the word before it ("client").
    /// </summary>
    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> name, out ReadOnlySpan<char> before)
    {
        var start = WordStart(name, name.Length);
        var previousEnd = start;
        while (previousEnd > 0 && !char.IsLetterOrDigit(name[previousEnd - 1])) previousEnd--;
        before = name[WordStart(name, previousEnd)..previousEnd];
        return name[start..];
    }

    private static int WordStart(ReadOnlySpan<char> name, int end)
    {
        var start = end;
        while (start > 0 && char.IsLetterOrDigit(name[start - 1]))
        {
            start--;
            // A hump: "Secret" of "clientSecret", "Key" of "APIKey".
            if (char.IsUpper(name[start]) && start > 0
                && (char.IsLower(name[start - 1]) || (char.IsUpper(name[start - 1]) && start + 1 < end && char.IsLower(name[start + 1])))) break;
        }
        return start;
    }
}
