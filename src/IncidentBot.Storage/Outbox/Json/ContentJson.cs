using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox.Json;

/// <summary>A queued message's text and buttons as stored.</summary>
internal sealed record ContentJson(IReadOnlyList<InlineJson>? Inlines, IReadOnlyList<ButtonAction>? Buttons);
