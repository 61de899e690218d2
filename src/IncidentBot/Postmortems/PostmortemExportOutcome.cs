namespace IncidentBot.Postmortems;

/// <summary>What an export did with the draft.</summary>
internal enum PostmortemExportOutcome
{
    /// <summary>No file for this incident existed; the draft is the first revision.</summary>
    Created,

    /// <summary>Our own earlier draft, unedited since, was replaced in place.</summary>
    Replaced,

    /// <summary>The latest revision already holds exactly this draft; nothing was written.</summary>
    Unchanged,

    /// <summary>Someone edited the latest revision (or it is not ours); it was kept and the draft written beside it.</summary>
    NewRevision,

    /// <summary>The folder could not be written; the draft is still in the store, the thread and the API.</summary>
    Failed,
}
