namespace IncidentBot.Core.Messaging;

/// <summary>An outgoing message: inline pieces and optional buttons (which act on the message's incident).</summary>
public sealed record MessageContent(IReadOnlyList<Inline> Inlines, IReadOnlyList<ButtonAction> Buttons)
{
    public MessageContent(IReadOnlyList<Inline> inlines)
        : this(inlines, [])
    {
    }

    public static MessageContent Plain(string text) => new([new PlainText(text)]);

    /// <summary>The text without markup, for logs, tests and platforms' notification fallbacks.</summary>
    public string ToPlainText() => string.Concat(Inlines.Select(i => i switch
    {
        PlainText t => t.Value,
        BoldText b => b.Value,
        CodeText c => c.Value,
        UserMention m => "@" + m.UserId,
        EscalationMention => "@escalation",
        Timestamp t => t.At.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        LineBreak => "\n",
        ThreadLink => "(thread)",
        _ => string.Empty,
    }));
}
