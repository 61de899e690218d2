using System.Text.Json.Serialization;

namespace IncidentBot.Discord.Wire;

/// <summary>
/// A payload the bot sends on the gateway (heartbeat, identify, resume). <c>d</c> is always written: a heartbeat
/// before the first sequence number is <c>{"op":1,"d":null}</c> (discord.md §2.3), which the context's
/// ignore-nulls default would otherwise shorten to <c>{"op":1}</c>.
/// </summary>
internal sealed record GatewayCommand<T>(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T D);
