using System.Globalization;
using IncidentBot.Core.Incidents;
using IncidentBot.Storage.Database;

namespace IncidentBot.Storage.Incidents;

/// <summary>An <c>action_items</c> row; the due date is ISO text (<c>2026-04-20</c>), a date without a zone.</summary>
internal sealed record ActionItemRow
{
    private const string DateFormat = "yyyy-MM-dd";

    public long Id { get; init; }

    public long IncidentNumber { get; init; }

    public required string Text { get; init; }

    public string? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public string? Due { get; init; }

    public long Done { get; init; }

    public long CreatedAt { get; init; }

    public static ActionItemRow From(ActionItem item) => new()
    {
        Id = item.Id,
        IncidentNumber = item.IncidentId.Number,
        Text = item.Text,
        OwnerId = item.Owner?.Id,
        OwnerName = item.Owner?.Name,
        Due = item.Due?.ToString(DateFormat, CultureInfo.InvariantCulture),
        Done = item.Done ? 1 : 0,
        CreatedAt = Instants.ToMs(item.CreatedAt),
    };

    public ActionItem ToItem() => new()
    {
        Id = Id,
        IncidentId = new IncidentId(IncidentNumber),
        Text = Text,
        Owner = OwnerId is null ? null : new UserRef(OwnerId, OwnerName ?? string.Empty),
        Due = Due is null ? null : DateOnly.ParseExact(Due, DateFormat, CultureInfo.InvariantCulture),
        Done = Done != 0,
        CreatedAt = Instants.FromMs(CreatedAt),
    };
}
