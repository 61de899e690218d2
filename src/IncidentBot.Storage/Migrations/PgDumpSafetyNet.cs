using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IncidentBot.Storage.Migrations;

/// <summary>
/// PostgreSQL: the bot cannot copy a server's database beside itself, and must not hold a migration back while
/// replicas roll (Kubernetes starts the new release while the old one serves). So it names the exact
/// <c>pg_dump</c> to take before an upgrade, logs it loudly when it migrates, and names <c>pg_restore</c> when it
/// refuses a newer schema. https://www.postgresql.org/docs/15/app-pgdump.html
/// </summary>
internal sealed class PgDumpSafetyNet(TimeProvider time, ILogger logger) : IMigrationSafetyNet
{
    public Task BeforeMigratingAsync(DbConnection connection, int current, CancellationToken cancellationToken)
    {
        StorageLog.MigratingWithoutCopy(logger, current, DumpCommand(connection, current));
        return Task.CompletedTask;
    }

    public string NewerSchemaAdvice(DbConnection connection, int current, int latest)
    {
        var target = Target(connection);
        return $"Run the newer release again, or stop every replica and restore the dump taken before the upgrade: "
            + $"pg_restore --clean --if-exists {target} <file>.dump, then start this release. "
            + $"Take one before every upgrade: {DumpCommand(connection, latest)}";
    }

    private string DumpCommand(DbConnection connection, int version)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var database = new NpgsqlConnectionStringBuilder(connection.ConnectionString).Database ?? "incidentbot";
        return string.Create(CultureInfo.InvariantCulture, $"pg_dump --format=custom {Target(connection)} --file={database}-v{version}-{stamp}.dump");
    }

    // The password is never printed: pg_dump reads it from PGPASSWORD or ~/.pgpass.
    private static string Target(DbConnection connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        var parts = new List<string> { $"--host={builder.Host}", string.Create(CultureInfo.InvariantCulture, $"--port={builder.Port}") };
        if (!string.IsNullOrEmpty(builder.Username))
        {
            parts.Add($"--username={builder.Username}");
        }

        if (!string.IsNullOrEmpty(builder.Database))
        {
            parts.Add($"--dbname={builder.Database}");
        }

        return string.Join(' ', parts);
    }
}
