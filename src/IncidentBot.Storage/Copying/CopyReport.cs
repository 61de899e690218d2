namespace IncidentBot.Storage.Copying;

/// <summary>What <see cref="DatabaseCopy"/> copied: from where, to where, at which schema version, and how many rows of each table.</summary>
public sealed record CopyReport(string Source, string Target, int SchemaVersion, IReadOnlyList<CopiedTable> Tables, TimeSpan Elapsed);

/// <summary>One table and the number of its rows written to the target.</summary>
public sealed record CopiedTable(string Name, long Rows);
