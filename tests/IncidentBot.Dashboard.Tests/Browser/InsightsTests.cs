using IncidentBot.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IncidentBot.Dashboard.Tests.Browser;

/// <summary>The insights charts carry the numbers worked out by hand for the seeded incidents (<see cref="SeededSet"/>).</summary>
[Collection(BrowserSuite.Name)]
public sealed class InsightsTests(DashboardSite site)
{
    [Fact]
    public async Task The_charts_and_their_tables_show_the_seeded_numbers()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "/insights");

        // Columns follow SEV1, SEV2, SEV3; weeks are rows.
        Assert.Equal(["6", "10", "—"], await RowAsync(page, "tta", "2026-W01"));
        Assert.Equal(["—", "—", "1020"], await RowAsync(page, "tta", "2025-W52"));
        Assert.Equal(["0.75", "2", "—"], await RowAsync(page, "ttr", "2026-W01"));
        Assert.Equal(["—", "—", "19"], await RowAsync(page, "ttr", "2025-W52"));
        Assert.Equal(["66.7"], await RowAsync(page, "ack-sla", "2026-W01"));
        Assert.Equal(["100"], await RowAsync(page, "ack-sla", "2025-W52"));
        Assert.Equal(["44.4"], await RowAsync(page, "cadence", "2026-W01"));
        Assert.Equal(["—"], await RowAsync(page, "cadence", "2025-W52"));
        Assert.Equal(["2", "1", "0"], await RowAsync(page, "per-week", "2026-W01"));

        // The SVG draws the same values, and says what it shows to a screen reader.
        var sev1Week01 = page.Locator("#per-week rect.s1 title", new() { HasText = "SEV1, 2026-W01: 2 incidents" });
        await Assertions.Expect(sev1Week01).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#tta circle[data-value='1020']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#tta svg")).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(page.Locator("#tta desc")).ToContainTextAsync("Median minutes from declare to first acknowledgement");

        // D (SEV3, silent 19 h) then C (SEV2, 2 h) lead the longest silences.
        var silences = page.Locator("#silences tbody tr td[data-minutes]");
        Assert.Equal("1140", await silences.Nth(0).GetAttributeAsync("data-minutes"));
        Assert.Equal("120", await silences.Nth(1).GetAttributeAsync("data-minutes"));
        await Artifacts.ScreenshotAsync(page, "insights", fullPage: true);
    }

    private static async Task<string[]> RowAsync(IPage page, string chart, string week)
    {
        var row = page.Locator($"#{chart}-table tbody tr", new() { Has = page.Locator("th", new() { HasText = week }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        return [.. (await row.Locator("td").AllTextContentsAsync()).Select(t => t.Trim())];
    }
}
