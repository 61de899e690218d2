namespace IncidentBot.Dashboard.Tests.Infrastructure;

/// <summary>Where the browser tests leave their screenshots: <c>artifacts/screenshots/</c> at the repository root.</summary>
internal static class Artifacts
{
    public static string Screenshots { get; } = Create();

    public static string Screenshot(string name) => Path.Combine(Screenshots, name + ".png");

    private static string Create()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IncidentBot.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
