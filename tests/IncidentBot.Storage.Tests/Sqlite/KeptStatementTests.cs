using System.Data.Common;
using IncidentBot.Storage.Incidents;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IncidentBot.Storage.Tests.Sqlite;

/// <summary>
/// A statement kept prepared must stay prepared when its parameters are bound again: SQLite re-prepares one whose plan
/// could depend on a bound value (a bare <c>LIMIT @Limit</c>) unless the connection plans each statement once.
/// </summary>
public sealed class KeptStatementTests
{
    // https://www.sqlite.org/c3ref/c_stmtstatus_counter.html: SQLitePCLRaw names the other counters, not this one.
    private const int StmtStatusReprepare = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kept_statement_with_a_bound_limit_is_not_prepared_again_on_the_bot_s_connections()
    {
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        await using var reader = await db.Database.OpenReadAsync(Ct);
        await using var writer = await db.Database.OpenAsync(Ct);

        Assert.Equal(0, RepreparesOverThreeRuns(reader));
        Assert.Equal(0, RepreparesOverThreeRuns(writer));
    }

    [Fact]
    public async Task The_count_of_re_prepares_sees_them_on_a_connection_left_as_SQLite_opens_it()
    {
        // The control: the same runs on a plain connection are re-prepared, so the test above can fail.
        await using var db = await SqliteTestDatabase.CreateAsync(migrate: true, Ct);
        // Not from the pool: a pooled handle keeps the settings the bot's connections gave it.
        await using var plain = new SqliteConnection(new SqliteConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ToString());
        await plain.OpenAsync(Ct);

        Assert.NotEqual(0, RepreparesOverThreeRuns(plain));
    }

    /// <summary>The reminder scan run three times on one prepared statement, with a new limit each time.</summary>
    private static int RepreparesOverThreeRuns(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(handle, ReminderSql.Due, out var statement));
        using (statement)
        {
            for (var limit = 1; limit <= 3; limit++)
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@Now"), 0);
                raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@Limit"), limit);
                Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(statement));
            }

            return raw.sqlite3_stmt_status(statement, StmtStatusReprepare, 0);
        }
    }
}
