namespace IncidentBot.Dashboard.Access;

/// <summary>How people sign in: decided once from configuration at start-up.</summary>
/// <remarks>Public only because Razor components, which take it as a parameter, always are.</remarks>
public enum DashboardAccessMode
{
    /// <summary>Neither OpenID Connect nor <c>Api__Token</c> is set: <c>/</c> explains how to turn the dashboard on.</summary>
    Off,

    /// <summary>A sign-in form that takes the <c>Api__Token</c>.</summary>
    Token,

    /// <summary>OpenID Connect (<c>Dashboard__Oidc__*</c>).</summary>
    Oidc,
}
