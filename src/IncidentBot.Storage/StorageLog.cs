using Microsoft.Extensions.Logging;

namespace IncidentBot.Storage;

/// <summary>Every log line the storage writes, source-generated.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Database schema is at version {Version}")]
    public static partial void SchemaCurrent(ILogger logger, int version);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Backed up the database before migrating from version {Version}: {Path}")]
    public static partial void BackupBeforeMigration(ILogger logger, int version, string path);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Deleted an old pre-migration backup (only the last {Kept} are kept): {Path}")]
    public static partial void BackupDeleted(ILogger logger, int kept, string path);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Database backed up to {Path}")]
    public static partial void BackupWritten(ILogger logger, string path);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "The database is full; the write was rolled back: {Reason}")]
    public static partial void StorageFull(ILogger logger, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "The database takes writes again")]
    public static partial void StorageRecovered(ILogger logger);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Outbox message {MessageId} of {IncidentId} cannot be read and is marked failed: {Reason}")]
    public static partial void OutboxUnreadable(ILogger logger, long messageId, string incidentId, string reason);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Pruned {OutboxRows} finished outbox rows and {InboundKeys} inbound keys")]
    public static partial void Pruned(ILogger logger, int outboxRows, int inboundKeys);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Migrating the PostgreSQL database from schema version {Version}. The bot copies no server database: the way back is a dump taken before the upgrade ({DumpCommand}); keep it until this release is proven")]
    public static partial void MigratingWithoutCopy(ILogger logger, int version, string dumpCommand);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Could not renew this replica's outbox claims; they expire and another replica delivers them: {Reason}")]
    public static partial void LeaseRenewalFailed(ILogger logger, string reason);
}
