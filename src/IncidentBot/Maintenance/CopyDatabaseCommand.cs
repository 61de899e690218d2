using System.Globalization;
using IncidentBot.Storage.Copying;
using Microsoft.Extensions.Logging.Console;

namespace IncidentBot.Maintenance;

/// <summary>
/// <c>dotnet run --project src/IncidentBot -- copy-database --from "Data Source=data/incidentbot.db" --to "Host=…"</c>:
/// copies a SQLite database into an empty PostgreSQL one (<see cref="DatabaseCopy"/>), the step from one SQLite
/// process to several replicas. It starts nothing else. Exit code 0 when copied; 1 when refused or failed, with one
/// line on stderr saying why; 2 for wrong arguments.
/// </summary>
internal static class CopyDatabaseCommand
{
    public const string Verb = "copy-database";

    public const string Usage = """
        Usage: IncidentBot copy-database --from <SQLite database> --to <PostgreSQL connection string>

        Copies every incident of a SQLite database into an empty PostgreSQL database, with its timeline, edits,
        action items, responders, postmortem draft, audit trail, queued messages (those not yet sent too), clocks,
        alert groups and PagerDuty links, and the incident number sequence (the next incident continues it).
        Both databases are first migrated to this release's schema (an older SQLite file is backed up beside itself
        first). The rows are written in one PostgreSQL transaction: a failure leaves the target as it was.

          --from   the SQLite database: "Data Source=data/incidentbot.db" or a path. It must exist.
                   Stop the bot that uses it first, or what it records after the copy stays behind.
          --to     the PostgreSQL database: "Host=db;Database=incidentbot;Username=incidentbot;Password=…"
                   or postgres://incidentbot:…@db:5432/incidentbot. It must hold no incidents yet.
          --help   this text

        Then start the replicas with Storage__ConnectionString set to the --to connection string.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (arguments.Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        var (from, to, problem) = Parse(arguments);
        if (from is null || to is null)
        {
            await errors.WriteLineAsync($"copy-database: {problem}. Run `copy-database --help` for the usage.");
            return 2;
        }

        // Warnings only (a pre-migration backup of the source, the pg_dump to take before migrating an existing target):
        // what reaches stderr otherwise is the one line that says why the copy was refused.
        using var loggers = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true)
            .Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        try
        {
            var report = await DatabaseCopy.SqliteToPostgresAsync(from, to, TimeProvider.System, loggers, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Copied {report.Source} (schema version {report.SchemaVersion}) into PostgreSQL {report.Target} in {report.Elapsed.TotalSeconds:0.0} s:"));
            foreach (var table in report.Tables)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table.Name,-20} {table.Rows,10:N0}"));
            }

            await output.WriteLineAsync("Start the bot with Storage__ConnectionString set to the PostgreSQL connection string.");
            return 0;
        }
        catch (DatabaseCopyException e)
        {
            await errors.WriteLineAsync("copy-database: " + e.Message);
            return 1;
        }
    }

    /// <summary>The two connection strings (<c>--from x</c> or <c>--from=x</c>), or what is wrong with the arguments.</summary>
    private static (string? From, string? To, string? Problem) Parse(IReadOnlyList<string> arguments)
    {
        string? from = null;
        string? to = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var (name, value) = arguments[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal)
                ? (n, v)
                : (arguments[i], i + 1 < arguments.Count ? arguments[++i] : null);
            if (value is null)
            {
                return (null, null, $"{name} needs a value");
            }

            switch (name)
            {
                case "--from":
                    from = value;
                    break;
                case "--to":
                    to = value;
                    break;
                default:
                    return (null, null, $"unknown argument {name}");
            }
        }

        return from is null ? (null, null, "--from is missing (the SQLite database)")
            : to is null ? (null, null, "--to is missing (the PostgreSQL connection string)")
            : (from, to, null);
    }
}
