using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Outbox;

/// <summary>
/// <see cref="MessageContent"/> as stored. The Core record has two public constructors, which System.Text.Json
/// cannot choose between, so it round-trips through this one-constructor twin.
/// </summary>
internal sealed record MessageContentShape(IReadOnlyList<Inline> Inlines, IReadOnlyList<ButtonAction> Buttons);
