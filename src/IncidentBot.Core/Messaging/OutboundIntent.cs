namespace IncidentBot.Core.Messaging;

/// <summary>
/// Something the bot must say on the platform, queued in the outbox in the same transaction as the change
/// that caused it and delivered later, in order per incident (DESIGN.md §3, steps 2–4).
/// </summary>
public abstract record OutboundIntent;

/// <summary>Post the status doc as the root message; its id is stored on the incident.</summary>
public sealed record PostRootMessage : OutboundIntent;

/// <summary>Open the thread under the root message (Discord: a public thread; Slack: the root's <c>ts</c>).</summary>
public sealed record OpenThread : OutboundIntent;

/// <summary>Edit the status doc in place, rendered from the state at delivery time; pending edits coalesce.</summary>
public sealed record EditRootMessage : OutboundIntent;

public sealed record PostThreadMessage(MessageContent Content) : OutboundIntent;

/// <summary>A file posted into the thread with a short comment (the postmortem draft).</summary>
public sealed record UploadFile(string FileName, string Title, string Content, MessageContent Comment) : OutboundIntent;

/// <summary>A reaction the bot adds, by its meaning, e.g. <see cref="Reaction.Confirmed"/> on a key event it captured.</summary>
public sealed record AddReaction(string MessageId, Reaction Reaction) : OutboundIntent;

/// <summary>
/// A private follow-up to the person who ran a command, through the platform's reply handle (Slack
/// <c>response_url</c>, Discord interaction token), e.g. the link to a thread that did not exist yet.
/// </summary>
public sealed record ReplyToRequester(string ReplyHandle, MessageContent Content) : OutboundIntent;
