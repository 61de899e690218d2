using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Alerts.Signing;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>, compared in constant time. Both sides are hashed first, so the
/// comparison takes the same time whatever the length of what was sent.
/// </summary>
internal static class BearerToken
{
    public static bool Matches(string? authorization, string token)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
