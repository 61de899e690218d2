using IncidentBot.Core.Alerts;
using IncidentBot.Core.Messaging;
using IncidentBot.Storage.Outbox;

namespace IncidentBot.Storage.Tests.Outbox;

/// <summary>Rows queued by earlier versions stay readable: these are intents as the outbox column held them.</summary>
public sealed class OutboxJsonGoldenTests
{
    private readonly OutboxJson _json = new();

    public static TheoryData<string> StoredRows() =>
    [
        """{"$type":"post_root"}""",
        """{"$type":"open_thread"}""",
        """{"$type":"edit_root"}""",
        """{"$type":"post_thread","Content":{"Inlines":[{"$t":"text","Value":"a"},{"$t":"bold","Value":"b"},{"$t":"code","Value":"c"},{"$t":"user","UserId":"U1"},{"$t":"escalation"},{"$t":"time","At":"2026-04-18T14:23:05+00:00","Style":"Time"},{"$t":"br"},{"$t":"thread"}],"Buttons":["Acknowledge","Close"]}}""",
        """{"$type":"upload_file","FileName":"a.md","Title":"A","Content":"# x","Comment":{"Inlines":[{"$t":"text","Value":"c"}],"Buttons":[]}}""",
        """{"$type":"add_reaction","MessageId":"M1","Reaction":"Confirmed"}""",
        """{"$type":"reply","ReplyHandle":"h","Content":{"Inlines":[{"$t":"text","Value":"a"},{"$t":"bold","Value":"b"},{"$t":"code","Value":"c"},{"$t":"user","UserId":"U1"},{"$t":"escalation"},{"$t":"time","At":"2026-04-18T14:23:05+00:00","Style":"Time"},{"$t":"br"},{"$t":"thread"}],"Buttons":["Acknowledge","Close"]}}""",
        """{"$type":"pagerduty","PagerDutyId":"P1","Action":"Note","Note":"n"}""",
        """{"$type":"pagerduty","PagerDutyId":"P1","Action":"Resolve","Note":null}""",
    ];

    [Theory]
    [MemberData(nameof(StoredRows))]
    public void A_stored_intent_reads_and_is_written_back_the_same(string stored)
    {
        var intent = _json.Deserialize(stored);

        Assert.Equal(stored, _json.Serialize(intent));
    }

    [Fact]
    public void A_stored_message_reads_back_as_every_piece_and_button_it_held()
    {
        var reply = Assert.IsType<ReplyToRequester>(_json.Deserialize(StoredRows().Select(r => r.Data).Single(r => r.Contains("\"reply\"", StringComparison.Ordinal))));

        Assert.Equal("h", reply.ReplyHandle);
        Assert.Equal(
            [typeof(PlainText), typeof(BoldText), typeof(CodeText), typeof(UserMention), typeof(EscalationMention), typeof(Timestamp), typeof(LineBreak), typeof(ThreadLink)],
            reply.Content.Inlines.Select(i => i.GetType()));
        Assert.Equal(new Timestamp(new DateTimeOffset(2026, 4, 18, 14, 23, 5, TimeSpan.Zero), TimestampStyle.Time), reply.Content.Inlines[5]);
        Assert.Equal([ButtonAction.Acknowledge, ButtonAction.Close], reply.Content.Buttons);
    }

    [Fact]
    public void A_reaction_queued_by_emoji_name_before_reactions_had_meanings_reads_as_the_confirmation()
    {
        const string Queued = """{"$type":"add_reaction","MessageId":"M1","Emoji":"white_check_mark"}""";

        Assert.Equal(new AddReaction("M1", Reaction.Confirmed), _json.Deserialize(Queued));
    }

    [Fact]
    public void An_intent_reads_whatever_order_the_database_hands_its_keys_back_in()
    {
        // PostgreSQL's jsonb orders keys shortest first, which puts Note before the discriminator.
        const string FromJsonb = """{"Note": "n", "$type": "pagerduty", "Action": "Note", "PagerDutyId": "P1"}""";

        Assert.Equal(new SyncPagerDuty("P1", PagerDutyAction.Note, "n"), _json.Deserialize(FromJsonb));
    }
}
