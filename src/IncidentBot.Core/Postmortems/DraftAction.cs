namespace IncidentBot.Core.Postmortems;

/// <summary>One row of the action items table, from an <c>action</c> command or an <c>action:</c> thread message.</summary>
internal sealed record DraftAction(string Text, string? Owner, DateOnly? Due, bool Done, DateTimeOffset At);
