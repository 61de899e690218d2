using Microsoft.Playwright;

namespace IncidentBot.Dashboard.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, driven by Playwright through its executable path (no browser download). Under CI=true a
/// missing browser fails the run (.ci/run installs it); a developer without it sees the tests skipped, with the fix.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static bool Available => File.Exists(ExecutablePath);

    public static void RequireOrSkip()
    {
        if (Available)
        {
            return;
        }

        var reason = $"No Chromium at {ExecutablePath}: install it with `apt-get install -y chromium` to run the browser tests.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI must run them.");
        }

        Assert.Skip(reason);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
}
