using Microsoft.Playwright;

namespace IncidentBot.Dashboard.Tests.Infrastructure;

/// <summary>Where the browser tests leave their screenshots: <c>artifacts/screenshots/</c> at the repository root.</summary>
internal static class Artifacts
{
    public static string Screenshots { get; } = Create();

    public static string Screenshot(string name) => Path.Combine(Screenshots, name + ".png");

    /// <summary>
    /// Takes the page's screenshot once it has painted: headless Chromium refuses a capture ("Unable to capture
    /// screenshot") while a page that just loaded has produced no frame yet, so this waits for two animation frames.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        await page.ScreenshotAsync(new() { Path = Screenshot(name), FullPage = fullPage });
    }

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
