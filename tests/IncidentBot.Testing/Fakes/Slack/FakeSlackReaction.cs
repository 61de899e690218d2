namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>A reaction the bot added.</summary>
public sealed record FakeSlackReaction(string Channel, string Ts, string Name);
