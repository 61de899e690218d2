using System.Data.Common;
using Dapper;
using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IIncidentStore"/> must do, whatever database is under it. A subclass supplies a fresh,
/// migrated database per test (SQLite now; PostgreSQL when that backend lands).
/// </summary>
public abstract partial class IncidentStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 4, 18, 14, 23, 0, TimeSpan.Zero);

    protected static readonly WorkspaceId SlackA = new(Platform.Slack, "T1");

    protected static readonly WorkspaceId SlackB = new(Platform.Slack, "T2");

    /// <summary>Same id string as <see cref="SlackA"/> on the other platform: still another workspace.</summary>
    protected static readonly WorkspaceId DiscordA = new(Platform.Discord, "T1");

    protected static readonly UserRef Alice = new("U1", "alice");

    protected static readonly UserRef Bob = new("U2", "bob");

    protected static readonly UserRef Carol = new("U3", "carol");

    private static readonly string[] Tables =
    [
        "incidents", "incident_responders", "timeline_entries", "timeline_revisions", "action_items",
        "inbound_keys", "outbox", "audit_entries", "postmortems",
    ];

    protected IIncidentStore Store { get; private set; } = null!;

    protected IIncidentReader Reader { get; private set; } = null!;

    protected IOutboxStore Outbox { get; private set; } = null!;

    protected IStorageHealth Health { get; private set; } = null!;

    protected StorageMaintenance Maintenance { get; private set; } = null!;

    protected IDashboardQueries Dashboard { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var ports = await StartAsync(Ct);
        (Store, Reader, Outbox, Health, Maintenance, Dashboard) = (ports.Store, ports.Reader, ports.Outbox, ports.Health, ports.Maintenance, ports.Dashboard);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh database with the current schema, and the store's ports and maintenance over it.</summary>
    protected abstract ValueTask<StorePorts> StartAsync(CancellationToken cancellationToken);

    protected abstract ValueTask StopAsync();

    /// <summary>A plain connection to the same database, for checking rows behind the store's back.</summary>
    protected abstract Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken);

    protected static Incident NewIncident(IncidentId id, WorkspaceId workspace, string channel = "C1") => new()
    {
        Id = id,
        Workspace = workspace,
        ChannelId = channel,
        Title = "Pipeline blocks spiking",
        Severity = Severity.Sev2,
        Commander = Alice,
        DeclaredBy = Alice,
        DeclaredAt = T0,
    };

    /// <summary>Declares an incident the way Core does: next id, save, commit.</summary>
    protected async Task<Incident> DeclareAsync(WorkspaceId workspace, Func<Incident, Incident>? change = null, string channel = "C1")
    {
        await using var uow = await Store.BeginAsync(Ct);
        var id = await uow.NextIncidentIdAsync(Ct);
        var incident = NewIncident(id, workspace, channel);
        incident = change is null ? incident : change(incident);
        await uow.SaveAsync(incident, Ct);
        await uow.CommitAsync(Ct);
        return incident;
    }

    protected async Task EnqueueAsync(IncidentId id, params OutboundIntent[] intents)
    {
        await using var uow = await Store.BeginAsync(Ct);
        foreach (var intent in intents)
        {
            await uow.EnqueueAsync(id, intent, T0, Ct);
        }

        await uow.CommitAsync(Ct);
    }

    /// <summary>Claims lane heads as this test's dispatcher, "me", with a five-minute lease.</summary>
    protected Task<IReadOnlyList<OutboxMessage>> ClaimAsync(DateTimeOffset at, int limit = 10, int replies = 10, string owner = "me") =>
        Outbox.ClaimAsync(new OutboxClaim(at, owner, at.AddMinutes(5), limit, replies), Ct);

    /// <summary>Stores a root and thread id as the dispatcher does after posting (no outbox row: the id matches none).</summary>
    protected async Task SetRootAndThreadAsync(IncidentId id, string root, string? thread = null)
    {
        await Outbox.MarkRootPostedAsync(0, id, root, T0, Ct);
        if (thread is not null)
        {
            await Outbox.MarkThreadOpenedAsync(0, id, thread, T0, Ct);
        }
    }

    protected async Task<long> CountAsync(string table)
    {
        await using var connection = await OpenRawAsync(Ct);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    /// <summary>Row counts of every table that holds incident data, to show that nothing was written.</summary>
    protected async Task<IReadOnlyDictionary<string, long>> CountAllAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            counts[table] = await CountAsync(table);
        }

        return counts;
    }

    protected static void AssertSameIncident(Incident expected, Incident? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Responders = [] }, actual with { Responders = [] });
        Assert.Equal(expected.Responders, actual.Responders);
    }

    protected static void AssertSameEntry(TimelineEntry expected, TimelineEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Revisions = [] }, actual with { Revisions = [] });
        Assert.Equal(expected.Revisions, actual.Revisions);
    }
}
