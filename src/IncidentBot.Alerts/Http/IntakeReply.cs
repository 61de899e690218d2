namespace IncidentBot.Alerts.Http;

/// <summary>What the webhook endpoints answer: the outcome and the incident, or the problem.</summary>
internal sealed record IntakeReply(string Result, string? Incident, string? Error)
{
    public static IntakeReply Problem(string error) => new("refused", null, error);
}
