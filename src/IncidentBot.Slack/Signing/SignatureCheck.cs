namespace IncidentBot.Slack.Signing;

/// <summary>The result of checking a request's Slack signature; only <see cref="Valid"/> lets it through.</summary>
internal enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Mismatch,
}
