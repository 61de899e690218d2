using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>A message the bot posted, with how many times it was edited since.</summary>
public sealed class FakeSlackMessage
{
    public required string Channel { get; init; }

    public required string Ts { get; init; }

    public string? ThreadTs { get; init; }

    public required string User { get; init; }

    public required string Text { get; set; }

    public JsonArray? Blocks { get; set; }

    public int Updates { get; set; }

    /// <summary>The message metadata it was posted with, listed only to reads that ask for it.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>All the message's text, including its blocks, for assertions.</summary>
    public string AllText => Text + "\n" + JsonText.Of(Blocks);
}
