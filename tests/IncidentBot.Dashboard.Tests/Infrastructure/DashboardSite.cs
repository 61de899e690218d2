using IncidentBot.Core.Incidents;
using IncidentBot.Core.Persistence;
using IncidentBot.Testing.Fakes.Slack;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IncidentBot.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real host on a real loopback port (Kestrel, so a real browser can reach it), wired to the fake Slack in
/// Socket Mode, with the dashboard signing in by the API token; and one headless Chromium for the class.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string ApiToken = "dashboard-test-token-0123456789abcdef";

    private IPlaywright? _playwright;

    public FakeSlack Slack { get; private set; } = null!;

    internal BotApplication App { get; private set; } = null!;

    internal SlackDriver Driver { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The seeded incident with a postmortem draft.</summary>
    public IncidentId PostmortemIncident { get; private set; }

    public IIncidentStore Store => App.Services.GetRequiredService<IIncidentStore>();

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.Available)
        {
            return;
        }

        Slack = await FakeSlack.StartAsync();
        Slack.AddUser("U0JENS", "Jens");
        Slack.AddUser("U0MARIA", "Maria");
        App = new BotApplication(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Api:Token"] = ApiToken,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:AppToken"] = FakeSlack.AppToken,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.ToString(),
            ["Slack:IncidentsChannel"] = SlackPayloads.Channel,
        });
        App.UseKestrel();
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
        Driver = new SocketSlackDriver(Slack);
        PostmortemIncident = await SeededSet.WriteAsync(new Seed(Store));
        await Eventually.AssertAsync(() => Slack.SocketConnected, "the Socket Mode connection");

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser context (no cookies) at phone or desktop width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Chromium.RequireOrSkip();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            TimezoneId = "Europe/Berlin",
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        // A hostile title that ran would open a dialog: fail loudly instead of letting it pass unseen.
        page.Dialog += (_, dialog) => throw new InvalidOperationException($"A script ran on the page: dialog '{dialog.Message}'.");
        return page;
    }

    /// <summary>Signs in through the form, as a person would, and lands on the incidents page.</summary>
    public static async Task SignInAsync(IPage page, string returnUrl = "/")
    {
        await page.GotoAsync(returnUrl);
        await page.GetByLabel("API token").FillAsync(ApiToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Slack is not null)
        {
            await Slack.DisposeAsync();
        }
    }
}
