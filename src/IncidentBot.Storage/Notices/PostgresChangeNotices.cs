using System.Globalization;
using Dapper;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Storage.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IncidentBot.Storage.Notices;

/// <summary>
/// Change notices over PostgreSQL's <c>NOTIFY</c>/<c>LISTEN</c> (https://www.postgresql.org/docs/15/sql-notify.html):
/// every replica listens on one channel on a connection of its own; a notice is <c>{sender}:{incident number}</c>,
/// and a replica ignores its own. A lost listening connection is opened again after a pause; notices sent meanwhile
/// are missed, which costs a page a live update, never data.
/// </summary>
internal sealed partial class PostgresChangeNotices(StorageDatabase database, TimeProvider time, ILogger<PostgresChangeNotices> logger) : IChangeNotices
{
    private const string Channel = "incidentbot_changes";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    private readonly string _sender = Guid.NewGuid().ToString("N");

    public async Task PublishAsync(IncidentId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReadAsync(cancellationToken);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{_sender}:{id.Number}");
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_notify(@Channel, @Payload)", new { Channel, Payload = payload }, cancellationToken: cancellationToken));
    }

    public async Task ListenAsync(Action<IncidentId> changed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await database.OpenReadAsync(cancellationToken);
                connection.Notification += (_, e) =>
                {
                    if (Parse(e.Payload) is { } id)
                    {
                        changed(id);
                    }
                };
                await connection.ExecuteAsync(new CommandDefinition($"LISTEN {Channel}", cancellationToken: cancellationToken));
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever broke the connection (the server restarting, a failover, the network), the loop must live:
                // a hosted service that throws stops the host.
                LogLost(logger, e, Reconnect);
                await Task.Delay(Reconnect, time, cancellationToken);
            }
        }
    }

    /// <summary>Another replica's notice, or null for this replica's own (or anything that is not a notice).</summary>
    private IncidentId? Parse(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && !payload.AsSpan(0, colon).SequenceEqual(_sender)
            && long.TryParse(payload.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new IncidentId(number)
            : null;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Listening for other replicas' changes stopped; listening again in {Pause}")]
    private static partial void LogLost(ILogger logger, Exception exception, TimeSpan pause);
}
