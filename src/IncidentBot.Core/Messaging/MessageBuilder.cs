namespace IncidentBot.Core.Messaging;

/// <summary>Builds a <see cref="MessageContent"/> fluently.</summary>
public sealed class MessageBuilder
{
    private readonly List<Inline> _inlines = [];
    private readonly List<ButtonAction> _buttons = [];

    public MessageBuilder Text(string value)
    {
        if (value.Length > 0)
        {
            _inlines.Add(new PlainText(value));
        }

        return this;
    }

    public MessageBuilder Bold(string value)
    {
        _inlines.Add(new BoldText(value));
        return this;
    }

    public MessageBuilder Code(string value)
    {
        _inlines.Add(new CodeText(value));
        return this;
    }

    public MessageBuilder Mention(string userId)
    {
        _inlines.Add(new UserMention(userId));
        return this;
    }

    public MessageBuilder Escalation()
    {
        _inlines.Add(new EscalationMention());
        return this;
    }

    public MessageBuilder Time(DateTimeOffset at, TimestampStyle style = TimestampStyle.Time)
    {
        _inlines.Add(new Timestamp(at, style));
        return this;
    }

    public MessageBuilder Line()
    {
        _inlines.Add(new LineBreak());
        return this;
    }

    public MessageBuilder Thread()
    {
        _inlines.Add(new ThreadLink());
        return this;
    }

    public MessageBuilder Button(ButtonAction action)
    {
        _buttons.Add(action);
        return this;
    }

    public MessageContent Build() => new([.. _inlines], [.. _buttons]);
}
