using Dapper;
using IncidentBot.Core.Incidents;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Storage.Tests.Sqlite;

public sealed class BackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_online_backup_holds_every_committed_write_and_nothing_uncommitted()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var store = db.Store();
        await using (var uow = await store.BeginAsync(Ct))
        {
            await uow.TryRecordInboundAsync(new WorkspaceId(Platform.Slack, "T1"), "committed", DateTimeOffset.UnixEpoch, Ct);
            await uow.CommitAsync(Ct);
        }

        var target = Path.Combine(db.Folder, "backups", "nightly.db");
        await using (var open = await store.BeginAsync(Ct))
        {
            await open.TryRecordInboundAsync(new WorkspaceId(Platform.Slack, "T1"), "in flight", DateTimeOffset.UnixEpoch, Ct);
            await db.Maintenance().BackupAsync(target, Ct);
        }

        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync(Ct);
        Assert.Equal(["committed"], await copy.QueryAsync<string>("SELECT dedup_key FROM inbound_keys"));
        Assert.Equal("ok", await copy.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task A_backup_never_overwrites_an_existing_file()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var target = Path.Combine(db.Folder, "existing.db");
        await File.WriteAllTextAsync(target, "precious", Ct);

        var refused = await Assert.ThrowsAsync<IOException>(() => db.Maintenance().BackupAsync(target, Ct));

        Assert.Contains(target, refused.Message, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(target, Ct));
    }

    [Fact]
    public async Task A_backup_that_cannot_be_written_fails_with_an_io_error_naming_the_path()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is a Linux path no one can create files in.");
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var target = "/proc/incidentbot-backup.db";

        var refused = await Assert.ThrowsAsync<IOException>(() => db.Maintenance().BackupAsync(target, Ct));

        Assert.Contains(target, refused.Message, StringComparison.Ordinal);
        Assert.False(db.Database.IsFull);
    }
}
