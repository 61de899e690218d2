using System.Data.Common;

namespace IncidentBot.Storage.Migrations;

/// <summary>The way back from a migration (issue 7): what is done before one, and what a refusal tells the operator.</summary>
internal interface IMigrationSafetyNet
{
    /// <summary>Runs before the first pending migration of a database that already holds version <paramref name="current"/>.</summary>
    Task BeforeMigratingAsync(DbConnection connection, int current, CancellationToken cancellationToken);

    /// <summary>
    /// The operator's instruction for a database at <paramref name="current"/>, newer than this build's
    /// <paramref name="latest"/>: how to get back to a schema this release reads.
    /// </summary>
    string NewerSchemaAdvice(DbConnection connection, int current, int latest);
}
