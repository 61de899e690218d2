using IncidentBot.Core.Messaging;
using IncidentBot.Storage.Outbox;

namespace IncidentBot.Storage.Tests.Outbox;

public sealed class OutboxJsonTests
{
    private readonly OutboxJson _json = new();

    [Fact]
    public void Intents_are_stored_with_their_discriminator_and_enums_by_name()
    {
        var content = new MessageContent([new Timestamp(DateTimeOffset.UnixEpoch, TimestampStyle.Relative)], [ButtonAction.Close]);

        var stored = _json.Serialize(new PostThreadMessage(content));

        Assert.StartsWith("{\"$type\":\"post_thread\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"Relative\"", stored, StringComparison.Ordinal);
        Assert.Contains("[\"Close\"]", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_intent_is_classified_with_its_lane_and_what_it_waits_for()
    {
        var content = MessageContent.Plain("x");

        var link = new MessageBuilder().Text("INC-1 is open: ").Thread().Build();

        Assert.Equal(("post_root", "thread", null), OutboxKind.Classify(new PostRootMessage()));
        Assert.Equal(("open_thread", "thread", "root"), OutboxKind.Classify(new OpenThread()));
        Assert.Equal(("edit_root", "doc", "root"), OutboxKind.Classify(new EditRootMessage()));
        Assert.Equal(("post_thread", "thread", "thread"), OutboxKind.Classify(new PostThreadMessage(content)));
        Assert.Equal(("upload_file", "thread", "thread"), OutboxKind.Classify(new UploadFile("a.md", "a", "b", content)));
        Assert.Equal(("add_reaction", "thread", "thread"), OutboxKind.Classify(new AddReaction("M1", Reaction.Confirmed)));

        // A reply is a lane of its own and waits for nothing, unless it links to the thread it needs.
        Assert.Equal(("reply", "reply", null), OutboxKind.Classify(new ReplyToRequester("h", content)));
        Assert.Equal(("reply", "reply", "thread"), OutboxKind.Classify(new ReplyToRequester("h", link)));
    }

    [Fact]
    public void The_outbox_kind_is_the_intents_json_discriminator()
    {
        OutboundIntent[] intents =
        [
            new PostRootMessage(), new OpenThread(), new EditRootMessage(), new PostThreadMessage(MessageContent.Plain("x")),
            new UploadFile("a.md", "a", "b", MessageContent.Plain("x")), new AddReaction("M1", Reaction.Confirmed), new ReplyToRequester("h", MessageContent.Plain("x")),
        ];

        Assert.All(intents, intent =>
            Assert.StartsWith($"{{\"$type\":\"{OutboxKind.Classify(intent).Kind}\"", _json.Serialize(intent), StringComparison.Ordinal));
    }
}
