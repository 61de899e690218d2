using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IncidentBot.Testing.Postgres;

/// <summary>
/// The PostgreSQL server a test assembly runs its PostgreSQL cases on (an xunit assembly fixture): the one named by
/// <c>INCIDENTBOT_TEST_POSTGRES</c> (an admin connection string; <c>.ci/run</c> sets it), or else a throw-away
/// server this fixture starts itself with <c>initdb</c> and <c>pg_ctl</c> into a temp folder, on a free loopback
/// port, and stops at the end. Without either, the cases skip on a developer's machine and fail under <c>CI=true</c>.
/// Every test gets a database of its own (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "INCIDENTBOT_TEST_POSTGRES";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private string? _folder;
    private string? _unavailable;

    /// <summary>The admin connection string, once the server is up.</summary>
    public string? AdminConnectionString { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            AdminConnectionString = given;
            return;
        }

        try
        {
            await StartThrowAwayServerAsync();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            _unavailable = e.Message;
        }
    }

    /// <summary>Skips the calling test (fails it under CI) when there is no server to run it on.</summary>
    public void Require()
    {
        if (AdminConnectionString is not null)
        {
            return;
        }

        var why = $"PostgreSQL is not available ({_unavailable}). Install it (initdb and pg_ctl on PATH, e.g. apt-get install postgresql) or set {EnvironmentVariable} to an admin connection string.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI runs every PostgreSQL case: " + why);
        }

        Assert.Skip(why);
    }

    /// <summary>A new, empty database on the server, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        Require();
        var name = "incidentbot_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what is still connected to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartThrowAwayServerAsync()
    {
        _folder = Directory.CreateTempSubdirectory("incidentbot-pg-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            // PostgreSQL refuses to run as root; the folder must belong to the user it runs as.
            await RunPlainAsync("chown", "postgres", _folder);
        }

        var data = Path.Combine(_folder, "data");
        await RunAsync("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        var port = FreePort();

        // fsync off: a throw-away server lives only as long as the test run; durability is not what is tested here.
        await RunAsync("pg_ctl", "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c max_connections=300", "start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a PostgreSQL tool, as the <c>postgres</c> user when this process is root.</summary>
    private static Task RunAsync(string tool, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? RunPlainAsync("runuser", ["-u", "postgres", "--", Tool(tool), .. arguments])
            : RunPlainAsync(Tool(tool), arguments);

    /// <summary>The tool on PATH, or from Debian's versioned folder (the postgresql package does not put it on PATH).</summary>
    private static string Tool(string name)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists)
            : null;
        return debian ?? throw new InvalidOperationException($"{name} is not on PATH nor in /usr/lib/postgresql/*/bin");
    }

    private static async Task RunPlainAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {CommandTimeout}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
        }
    }
}
