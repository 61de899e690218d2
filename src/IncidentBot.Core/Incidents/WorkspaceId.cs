namespace IncidentBot.Core.Incidents;

/// <summary>One Slack team or Discord guild. Every stored row belongs to exactly one.</summary>
public readonly record struct WorkspaceId(Platform Platform, string Id)
{
    public override string ToString() => $"{Platform.ToString().ToLowerInvariant()}:{Id}";

    public static WorkspaceId Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Enum.TryParse<Platform>(value[..colon], ignoreCase: true, out var platform))
        {
            throw new FormatException($"'{value}' is not a workspace id (expected slack:T123 or discord:456).");
        }

        return new WorkspaceId(platform, value[(colon + 1)..]);
    }
}
