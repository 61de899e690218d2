using IncidentBot.Configuration;
using IncidentBot.Storage;

namespace IncidentBot.Maintenance;

/// <summary>
/// <c>dotnet run --project src/IncidentBot -- backup &lt;path&gt;</c>: an online copy of the database, safe while the
/// bot runs (SQLite <c>VACUUM INTO</c> reads one consistent snapshot). It does not migrate or start anything.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(string target, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddDotEnv(Path.Combine(Directory.GetCurrentDirectory(), ".env"));
        builder.Services.AddStorage(builder.Configuration);
        using var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<StorageMaintenance>().BackupAsync(target, cancellationToken);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync("Backup failed: " + e.Message);
            return 1;
        }

        await Console.Out.WriteLineAsync("Backup written to " + Path.GetFullPath(target));
        return 0;
    }
}
