namespace IncidentBot.Discord.Wire;

internal sealed record ResumeData(string Token, string SessionId, long? Seq);
