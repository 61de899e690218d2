namespace IncidentBot.Configuration;

/// <summary>The runbook's numbers as defaults; <c>Incidents__Severities__SEV1__AckWithin</c> and so on override them.</summary>
internal sealed class SeveritiesOptions
{
    public SeverityOptions Sev1 { get; set; } = new()
    {
        AckWithin = TimeSpan.FromMinutes(5),
        UpdateEvery = TimeSpan.FromMinutes(15),
        PostmortemWithin = TimeSpan.FromHours(48),
    };

    public SeverityOptions Sev2 { get; set; } = new()
    {
        AckWithin = TimeSpan.FromMinutes(15),
        UpdateEvery = TimeSpan.FromMinutes(30),
        PostmortemWithin = TimeSpan.FromHours(48),
    };

    public SeverityOptions Sev3 { get; set; } = new();
}
