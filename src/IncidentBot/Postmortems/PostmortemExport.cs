namespace IncidentBot.Postmortems;

/// <summary>The result of one export: what happened and the file it concerns.</summary>
internal sealed record PostmortemExport(PostmortemExportOutcome Outcome, string Path);
