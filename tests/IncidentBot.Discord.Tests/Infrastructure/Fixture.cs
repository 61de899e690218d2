namespace IncidentBot.Discord.Tests.Infrastructure;

internal static class Fixture
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));
}
