using System.Text.Json.Serialization;

namespace IncidentBot.Storage.Outbox.Json;

/// <summary>
/// Enums are written by name, so a reordered enum cannot change what a queued message says. PostgreSQL's
/// <c>jsonb</c> hands keys back shortest first (<c>Note</c> before <c>$type</c>), so the discriminator may come
/// anywhere in the object.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(IntentJson))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
