namespace IncidentBot.Core.Policies;

/// <summary>
/// The clocks of one severity (DESIGN.md §1). A null <see cref="AckWithin"/> means "by 09:00 the next
/// business day"; a null <see cref="UpdateEvery"/> means no update cadence; a null
/// <see cref="PostmortemWithin"/> means the postmortem is optional.
/// </summary>
public sealed record SeverityPolicy(TimeSpan? AckWithin, TimeSpan? UpdateEvery, TimeSpan? PostmortemWithin);
