namespace IncidentBot.Discord.Wire;

/// <summary>A payload the bot sends on the gateway (heartbeat, identify, resume).</summary>
internal sealed record GatewayCommand<T>(int Op, T D);
