namespace IncidentBot.Discord.Gateway;

/// <summary>
/// What a close code from Discord means for us, per the reference's "Reconnect" column
/// (https://docs.discord.com/developers/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes).
/// A fatal code comes with the one line that tells the operator what to fix.
/// </summary>
internal static class GatewayCloseCodes
{
    public static (GatewayNext Next, string? Fix) Classify(int? code) => code switch
    {
        4003 or 4007 or 4009 => (GatewayNext.Identify, null),
        4004 => (GatewayNext.Stop,
            "Discord rejected the bot token (close 4004): set Discord__BotToken to the token from the Developer Portal's Bot page (Reset Token) and restart."),
        4010 => (GatewayNext.Stop, "Discord says the shard is invalid (close 4010): this build runs one shard; report it."),
        4011 => (GatewayNext.Stop,
            "Discord requires sharding (close 4011): the bot is in too many servers for one gateway connection, which this build does not support."),
        4012 => (GatewayNext.Stop, "Discord refused gateway API version 10 (close 4012): update IncidentBot."),
        4013 => (GatewayNext.Stop, "Discord says the requested intents are invalid (close 4013): report it, this is a bug."),
        4014 => (GatewayNext.Stop,
            "Discord refused a privileged intent (close 4014): enable the Message Content intent in the Developer Portal (your application → Bot → Privileged Gateway Intents) and restart."),
        _ => (GatewayNext.Resume, null),
    };
}
