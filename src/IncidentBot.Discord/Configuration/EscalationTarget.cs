namespace IncidentBot.Discord.Configuration;

/// <summary>
/// Who the ack reminder pings on Discord: the first Discord-syntax value of <c>Incidents:EscalationMention</c>
/// (a role <c>&lt;@&amp;id&gt;</c> or a user <c>&lt;@id&gt;</c>); values for other platforms are skipped.
/// </summary>
internal sealed record EscalationTarget(string? RoleId, string? UserId)
{
    public const string ConfigurationKey = "Incidents:EscalationMention";

    public static EscalationTarget None { get; } = new(null, null);

    public static EscalationTarget Parse(string? configured)
    {
        foreach (var raw in (configured ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith("<@&", StringComparison.Ordinal) && raw.EndsWith('>') && DiscordOptionsValidator.IsSnowflake(raw[3..^1]))
            {
                return new EscalationTarget(raw[3..^1], null);
            }

            var user = raw.StartsWith("<@!", StringComparison.Ordinal) ? raw[3..^1] : raw.StartsWith("<@", StringComparison.Ordinal) ? raw[2..^1] : null;
            if (user is not null && raw.EndsWith('>') && DiscordOptionsValidator.IsSnowflake(user))
            {
                return new EscalationTarget(null, user);
            }
        }

        return None;
    }
}
