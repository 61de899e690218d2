namespace IncidentBot.Postmortems;

/// <summary>
/// Section <c>Postmortems</c> (environment: <c>Postmortems__Directory</c>, DESIGN.md §4). Optional: unset or
/// empty turns the export off. A relative path is relative to the working directory, like the database.
/// </summary>
internal sealed class PostmortemOptions
{
    public const string Section = "Postmortems";

    /// <summary>The folder drafts are written to, e.g. a checkout of the team's docs repository.</summary>
    public string? Directory { get; set; }
}
