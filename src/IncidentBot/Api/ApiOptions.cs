namespace IncidentBot.Api;

/// <summary>Section <c>Api</c>: the bearer token for <c>/api</c>; the API is off while it is unset.</summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>At least 16 characters when set, so a guessable token cannot open the API.</summary>
    public const int MinimumTokenLength = 16;

    public string? Token { get; set; }
}
