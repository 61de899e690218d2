using System.Globalization;

/// <summary>
/// Command-line options: --postgres (an admin connection string; default INCIDENTBOT_TEST_POSTGRES), --replicas
/// (the replica counts to run, default 1,3), --seconds, --connections, --text, --bot (path to IncidentBot.dll).
/// </summary>
internal sealed record Options(string Postgres, IReadOnlyList<int> Replicas, int Seconds, int Connections, string Text, string BotDll)
{
    /// <summary>The options, or null when no PostgreSQL server is named.</summary>
    public static Options? Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if ((Get("--postgres") ?? Environment.GetEnvironmentVariable("INCIDENTBOT_TEST_POSTGRES")) is not { Length: > 0 } postgres)
        {
            return null;
        }

        return new Options(
            postgres,
            [.. (Get("--replicas") ?? "1,3").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))],
            int.Parse(Get("--seconds") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Get("--connections") ?? "32", CultureInfo.InvariantCulture),
            Get("--text") ?? "note INC-1 load note",
            Get("--bot") ?? Path.Combine(RepositoryRoot(), "artifacts", "bin", "IncidentBot", "release", "IncidentBot.dll"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IncidentBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
