using System.Text.RegularExpressions;
using IncidentBot.Dashboard.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Slack;
using Microsoft.Playwright;

namespace IncidentBot.Dashboard.Tests.Browser;

/// <summary>The incidents list, one incident (live, with its draft), the health page and hostile titles, in a real Chromium.</summary>
[Collection(BrowserSuite.Name)]
public sealed partial class IncidentPagesTests(DashboardSite site)
{
    [Fact]
    public async Task The_list_filters_then_opens_an_incident_whose_new_thread_message_appears_without_a_reload()
    {
        var reply = await site.Driver.CommandAsync("declare sev1 Payments webhook backlog", "U0JENS", "trig-live", site.Slack.ResponseUrl("live"));
        var id = IncidentId().Match(reply?["text"]?.GetValue<string>() ?? string.Empty).Value;
        var root = await Eventually.GetAsync(
            () => Task.FromResult(site.Slack.StartedThreads.FirstOrDefault(m => m.Text.Contains("Payments webhook backlog", StringComparison.Ordinal))),
            "the status doc of the declared incident and its thread");
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page);

        // Open first: the declared incident (open) is listed above the closed SEV1 "Payments API errors".
        var rows = page.Locator("table.incidents tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync(id);
        await Artifacts.ScreenshotAsync(page, "incidents", fullPage: true);

        await page.GetByLabel("Severity").SelectOptionAsync("sev1");
        await page.GetByLabel("Status").SelectOptionAsync("open");
        await page.GetByLabel("Search").FillAsync("payments");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("[SEV1] Payments webhook backlog");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 incident match");

        await rows.First.GetByRole(AriaRole.Link, new() { Name = id, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Payments webhook backlog");
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-live-state", "connected");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await site.Driver.EventAsync(SlackPayloads.ThreadReply("U0MARIA", "queue depth back under 1k", site.Slack.NextTs(), root.Ts), "Ev-live-reply");

        var entry = page.Locator("ol.timeline li", new() { HasText = "queue depth back under 1k" });
        await Assertions.Expect(entry).ToBeVisibleAsync();
        await Assertions.Expect(entry.Locator(".kind")).ToHaveTextAsync("message");

        // A reminder changes the incident without any input: past the SEV1 ack deadline the page shows it, too.
        await site.App.AdvanceWhenSettledAsync(TimeSpan.FromMinutes(5));
        await Assertions.Expect(page.Locator("ol.timeline li[data-kind=Reminder]")).ToHaveCountAsync(1);
        Assert.Equal(0, navigations);
        await Artifacts.ScreenshotAsync(page, "incident-live", fullPage: true);
    }

    [Fact]
    public async Task An_incident_shows_its_status_doc_timeline_and_draft_and_the_draft_downloads_as_markdown()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, $"/incidents/{site.PostmortemIncident}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What's happening" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.is-key")).ToContainTextAsync("cache hit rate fell");
        await Assertions.Expect(page.Locator("li.is-key .badge.key")).ToHaveTextAsync("★ key event");
        await Assertions.Expect(page.Locator("li.is-deleted del")).ToHaveTextAsync("wrong channel, ignore");
        var edited = page.Locator("li", new() { HasText = "rolling back the cache deploy now" });
        await Assertions.Expect(edited.Locator(".badge.edited")).ToBeVisibleAsync();
        await Assertions.Expect(edited.Locator("details.revisions")).ToContainTextAsync("rolling back the deploy");
        await Assertions.Expect(page.Locator("[data-metric=updates]")).ToContainTextAsync("2 of 2");
        await Assertions.Expect(page.Locator("[data-metric=tta]")).ToContainTextAsync("3 min (on time)");

        var draft = page.Locator(".postmortem");
        await Assertions.Expect(draft.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Postmortem — [SEV2] Checkout latency after the cache deploy");
        await Assertions.Expect(draft.Locator("table td", new() { HasText = "Alert on cache hit rate below 80%" })).ToBeVisibleAsync();
        await Assertions.Expect(draft).ToContainTextAsync("<b>not bold</b>");
        Assert.Equal(0, await draft.Locator("b").CountAsync());
        Assert.Equal("#", await draft.GetByRole(AriaRole.Link, new() { Name = "a link that must not run" }).GetAttributeAsync("href"));
        await Artifacts.ScreenshotAsync(page, "incident", fullPage: true);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = DownloadName() }).ClickAsync());
        Assert.EndsWith(".md", download.SuggestedFilename, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("# Postmortem — [SEV2] Checkout latency after the cache deploy", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_titles_are_shown_as_text_and_never_run()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "/?status=open");

        var rows = page.Locator("table.incidents tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = SeededSet.ScriptTitle })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = SeededSet.ImageTitle })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("table.incidents img").CountAsync());
        Assert.Equal(1, await page.Locator("script").CountAsync());

        await rows.Filter(new() { HasText = SeededSet.ImageTitle }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(SeededSet.ImageTitle);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Contains(SeededSet.ImageTitle, await page.TitleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_page_shows_connections_backlog_and_reminder_lag()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "/health");

        await Assertions.Expect(page.Locator("tr[data-platform=Slack]")).ToContainTextAsync("Socket Mode");
        await Assertions.Expect(page.Locator("tr[data-platform=Discord]")).ToContainTextAsync("off");
        await Assertions.Expect(page.Locator("[data-metric=outbox-pending]")).ToHaveTextAsync(OneOrMoreDigits());
        await Assertions.Expect(page.Locator("[data-metric=reminder-lag]")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "health", fullPage: true);
    }

    [Fact]
    public async Task At_phone_width_every_page_fits_the_screen_and_every_control_has_a_name()
    {
        var page = await site.NewPageAsync(width: 390, height: 844);
        await DashboardSite.SignInAsync(page);
        foreach (var path in new[] { "/", $"/incidents/{site.PostmortemIncident}", "/insights", "/health" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a phone screen");
            var unnamed = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('a, button, input:not([type=hidden]), select')]
                    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
                    .map(e => e.outerHTML)
                """);
            Assert.Empty(unnamed);
        }

        await page.GotoAsync("/");
        await Artifacts.ScreenshotAsync(page, "incidents-phone", fullPage: true);
    }

    [GeneratedRegex("INC-[0-9]+")]
    private static partial Regex IncidentId();

    [GeneratedRegex("^Download .*\\.md$")]
    private static partial Regex DownloadName();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex OneOrMoreDigits();
}
