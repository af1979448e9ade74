using System.Security.Cryptography;
using System.Text;
using ApimLint.Text;

namespace ApimLint.Model;

/// <summary>
/// A password or credential read from a file. Its value never leaves the model: rules ask whether it
/// is a given well-known value or equals another secret, and output can only show a masked form.
/// </summary>
public sealed class Secret
{
    private readonly string _value;

    public Secret(string value, Location location, string? vaultAlias = null)
    {
        _value = value;
        Location = location;
        VaultAlias = vaultAlias;
    }

    public Location Location { get; }

    /// <summary>The Secure Vault alias (svns:secretAlias) when the value is kept in the vault.</summary>
    public string? VaultAlias { get; }

    public bool IsVaulted => VaultAlias is not null;

    public bool IsEmpty => _value.Length == 0;

    /// <summary>True when the written value is one of the given (well-known) values.</summary>
    public bool IsOneOf(params string[] candidates) => !IsVaulted && candidates.Contains(_value, StringComparer.Ordinal);

    public bool SameValueAs(Secret other) => VaultAlias == other.VaultAlias && _value == other._value;

    /// <summary>A short, stable digest for comparing secrets in output without showing them.</summary>
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_value)))[..12];

    public override string ToString() => "********";
}
