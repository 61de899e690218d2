using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// A session opened with the API token remembers which token (a fingerprint, never the token): once <c>Api__Token</c>
/// is changed, every session opened with the old one ends at its next request.
/// </summary>
internal static class TokenSessions
{
    public const string AuthenticationType = "token";
    public const string Claim = "incidentbot:token";

    public static string Fingerprint(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("incidentbot-dashboard-session:" + token)))[..32];

    /// <summary>Sessions of other kinds (OpenID Connect) pass; a token session only with the current token's fingerprint.</summary>
    public static bool StillValid(ClaimsPrincipal? user, string? currentToken) =>
        user?.Identity?.AuthenticationType != AuthenticationType
        || (currentToken is { Length: > 0 } token && user.FindFirst(Claim)?.Value == Fingerprint(token));
}
