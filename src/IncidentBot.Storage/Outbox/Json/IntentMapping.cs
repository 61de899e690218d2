using IncidentBot.Core.Alerts;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox.Json;

/// <summary>Core's intents to their stored shapes and back; Core's records know nothing of how they are stored.</summary>
internal static class IntentMapping
{
    public static IntentJson ToJson(OutboundIntent intent) => intent switch
    {
        PostRootMessage => new PostRootJson(),
        OpenThread => new OpenThreadJson(),
        EditRootMessage => new EditRootJson(),
        PostThreadMessage post => new PostThreadJson(ToJson(post.Content)),
        UploadFile file => new UploadFileJson(file.FileName, file.Title, file.Content, ToJson(file.Comment)),
        AddReaction reaction => new AddReactionJson(reaction.MessageId, reaction.Reaction),
        ReplyToRequester reply => new ReplyJson(reply.ReplyHandle, ToJson(reply.Content)),
        SyncPagerDuty sync => new PagerDutyJson(sync.PagerDutyId, sync.Action, sync.Note),
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent.GetType().Name, "The outbox does not know this intent."),
    };

    public static OutboundIntent FromJson(IntentJson json) => json switch
    {
        PostRootJson => new PostRootMessage(),
        OpenThreadJson => new OpenThread(),
        EditRootJson => new EditRootMessage(),
        PostThreadJson post => new PostThreadMessage(FromJson(post.Content)),
        UploadFileJson file => new UploadFile(file.FileName, file.Title, file.Content, FromJson(file.Comment)),
        AddReactionJson reaction => new AddReaction(reaction.MessageId, reaction.Reaction ?? Reaction.Confirmed),
        ReplyJson reply => new ReplyToRequester(reply.ReplyHandle, FromJson(reply.Content)),
        PagerDutyJson sync => new SyncPagerDuty(sync.PagerDutyId, sync.Action, sync.Note),
        _ => throw new ArgumentOutOfRangeException(nameof(json), json.GetType().Name, "The outbox does not know this stored intent."),
    };

    private static ContentJson ToJson(MessageContent content) =>
        new([.. content.Inlines.Select(ToJson)], content.Buttons);

    private static MessageContent FromJson(ContentJson content) =>
        new([.. (content.Inlines ?? []).Select(FromJson)], content.Buttons ?? []);

    private static InlineJson ToJson(Inline inline) => inline switch
    {
        PlainText t => new TextJson(t.Value),
        BoldText b => new BoldJson(b.Value),
        CodeText c => new CodeJson(c.Value),
        UserMention m => new UserJson(m.UserId),
        EscalationMention => new EscalationJson(),
        Timestamp t => new TimeJson(t.At, t.Style),
        LineBreak => new BreakJson(),
        ThreadLink => new ThreadJson(),
        _ => throw new ArgumentOutOfRangeException(nameof(inline), inline.GetType().Name, "The outbox does not know this piece of text."),
    };

    private static Inline FromJson(InlineJson inline) => inline switch
    {
        TextJson t => new PlainText(t.Value),
        BoldJson b => new BoldText(b.Value),
        CodeJson c => new CodeText(c.Value),
        UserJson m => new UserMention(m.UserId),
        EscalationJson => new EscalationMention(),
        TimeJson t => new Timestamp(t.At, t.Style),
        BreakJson => new LineBreak(),
        ThreadJson => new ThreadLink(),
        _ => throw new ArgumentOutOfRangeException(nameof(inline), inline.GetType().Name, "The outbox does not know this stored piece of text."),
    };
}
