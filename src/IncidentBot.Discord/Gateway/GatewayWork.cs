using System.Text.Json;
using IncidentBot.Discord.Inbound;

namespace IncidentBot.Discord.Gateway;

/// <summary>What the gateway hands its event processor, in arrival order.</summary>
internal abstract record GatewayWork;

/// <summary>A dispatch (op 0) with its position in the session.</summary>
internal sealed record DispatchWork(string Type, JsonElement Data, DiscordEventMapper.Position Position) : GatewayWork;

/// <summary>After a new session (not a resume): fetch thread messages missed while no session was open.</summary>
internal sealed record BackfillWork(string BotUserId) : GatewayWork;
