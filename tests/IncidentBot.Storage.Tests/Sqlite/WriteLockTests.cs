using Microsoft.Data.Sqlite;

namespace IncidentBot.Storage.Tests.Sqlite;

public sealed class WriteLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_unit_of_work_holds_the_write_lock_from_its_first_moment()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var store = db.Store();

        await using (await store.BeginAsync(Ct))
        {
            using var other = db.OpenRaw();
            using var write = other.CreateCommand();
            write.CommandText = "UPDATE id_sequences SET last_value = last_value";
            write.CommandTimeout = 1;

            var busy = Assert.Throws<SqliteException>(() => write.ExecuteNonQuery());
            Assert.Equal(5, busy.SqliteErrorCode);
        }

        using var after = db.OpenRaw();
        using var again = after.CreateCommand();
        again.CommandText = "UPDATE id_sequences SET last_value = last_value";
        Assert.Equal(1, again.ExecuteNonQuery());
    }

    [Fact]
    public async Task Reads_outside_a_unit_of_work_are_not_blocked_by_it()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        var store = db.Store();

        await using var uow = await store.BeginAsync(Ct);

        Assert.Empty(await store.ListAsync(openOnly: false, Ct));
        Assert.True(await store.IsReadyAsync(Ct));
    }
}
