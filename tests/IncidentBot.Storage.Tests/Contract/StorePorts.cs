using IncidentBot.Core.Dashboard;
using IncidentBot.Core.Persistence;

namespace IncidentBot.Storage.Tests.Contract;

/// <summary>The store's ports over one database, as the host registers them, and its maintenance.</summary>
public sealed record StorePorts(
    IIncidentStore Store, IIncidentReader Reader, IOutboxStore Outbox, IStorageHealth Health, StorageMaintenance Maintenance, IDashboardQueries Dashboard);
