using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Core.Inbound;

/// <summary>A platform-neutral input, produced by a front end after it authenticated the wire payload.</summary>
public abstract record InboundEvent(InboundContext Context);

/// <summary>
/// A command in the shared grammar. <see cref="IncidentsChannelId"/> is the configured incidents channel
/// (null: the channel it was typed in). <see cref="ReplyHandle"/> lets the bot follow up privately later.
/// </summary>
public sealed record CommandInvoked(InboundContext Context, string Text, string? IncidentsChannelId, string? ReplyHandle)
    : InboundEvent(Context);

/// <summary>A human message in a thread (the bot's own are filtered out by the front end).</summary>
public sealed record ThreadMessagePosted(InboundContext Context, string MessageId, string Text) : InboundEvent(Context);

public sealed record MessageEdited(InboundContext Context, string MessageId, string NewText) : InboundEvent(Context);

public sealed record MessageDeleted(InboundContext Context, string MessageId) : InboundEvent(Context);

/// <summary>
/// A reaction added to <see cref="MessageId"/> (the root message or a thread message), by its meaning: the front end
/// hands on only reactions that the configured <see cref="ReactionMap"/> gives one.
/// </summary>
public sealed record ReactionAdded(InboundContext Context, string MessageId, Reaction Reaction) : InboundEvent(Context);

public sealed record ReactionRemoved(InboundContext Context, string MessageId, Reaction Reaction) : InboundEvent(Context);

/// <summary>A button under the status doc or a reminder; the incident comes from the button's value.</summary>
public sealed record ButtonClicked(InboundContext Context, IncidentId IncidentId, ButtonAction Action) : InboundEvent(Context);
