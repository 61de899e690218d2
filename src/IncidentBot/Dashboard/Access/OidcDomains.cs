namespace IncidentBot.Dashboard.Access;

/// <summary>Who may sign in through OpenID Connect when <c>Dashboard__Oidc__AllowedDomains</c> is set.</summary>
internal static class OidcDomains
{
    /// <summary>
    /// With a list, only a verified email in one of its domains passes (an unverified address proves nothing);
    /// <c>email_verified</c> absent counts as verified, as Slack and Okta leave it out of some responses.
    /// </summary>
    public static bool Allows(IReadOnlyList<string> allowed, string? email, string? emailVerified)
    {
        if (allowed.Count == 0)
        {
            return true;
        }

        if (email is null || string.Equals(emailVerified, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        return at >= 0 && allowed.Contains(email[(at + 1)..].ToLowerInvariant());
    }
}
