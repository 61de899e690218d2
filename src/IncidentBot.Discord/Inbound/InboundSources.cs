namespace IncidentBot.Discord.Inbound;

/// <summary>The <c>source</c> tag of <c>incidentbot.inbound.requests</c>.</summary>
internal static class InboundSources
{
    public const string Gateway = "discord_gateway";

    public const string Http = "discord_http";
}
