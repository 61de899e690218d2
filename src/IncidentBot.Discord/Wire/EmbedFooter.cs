namespace IncidentBot.Discord.Wire;

internal sealed record EmbedFooter(string Text);
