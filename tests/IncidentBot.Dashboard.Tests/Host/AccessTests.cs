using System.Net;
using IncidentBot.Core.Incidents;
using IncidentBot.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Dashboard.Tests.Host;

/// <summary>Who gets in and what they see, through the real host without a browser (these never skip).</summary>
public sealed class AccessTests
{
    private const string Token = "access-test-token-0123456789abcdef";

    [Fact]
    public async Task With_no_sign_in_configured_the_root_says_how_to_turn_the_dashboard_on()
    {
        await using var app = new BotApplication().Start();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var root = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await root.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Contains("The dashboard is off", page, StringComparison.Ordinal);
        Assert.Contains("Api__Token", page, StringComparison.Ordinal);
        Assert.Contains("Dashboard__Oidc__Authority", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/insights", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_gets_no_session()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["Api:Token"] = Token }).Start();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var refused = await FormSignIn.PostAsync(client, "wrong-token-0123456789abcdef");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("incidentbot.session=", StringComparison.Ordinal));
        var root = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["Api:Token"] = Token }).Start();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signedIn = await FormSignIn.PostAsync(client, Token);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("incidentbot.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_sees_only_the_workspaces_the_configuration_allows()
    {
        await using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["Api:Token"] = Token,
            ["Dashboard:Workspaces"] = "discord:4242",
        }).Start();
        var seed = new Seed(app.Services.GetRequiredService<Core.Persistence.IIncidentStore>());
        var slack = await seed.IncidentAsync("Slack-only outage", Severity.Sev1, BotApplication.DefaultStart.AddHours(-1), postmortem: "# Postmortem — slack");
        var discord = await seed.IncidentAsync("Discord guild outage", Severity.Sev2, BotApplication.DefaultStart.AddHours(-2));
        await using (var uow = await app.Services.GetRequiredService<Core.Persistence.IIncidentStore>().BeginAsync(TestContext.Current.CancellationToken))
        {
            // Seed writes Slack incidents; move the second one to the allowed Discord guild (a new row, as a Discord declare would write).
            var id = await uow.NextIncidentIdAsync(TestContext.Current.CancellationToken);
            await uow.SaveAsync(discord with { Id = id, Workspace = new WorkspaceId(Platform.Discord, "4242") }, TestContext.Current.CancellationToken);
            await uow.CommitAsync(TestContext.Current.CancellationToken);
        }

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await FormSignIn.PostAsync(client, Token)).StatusCode);

        var list = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Discord guild outage", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Slack-only outage", list, StringComparison.Ordinal);
        Assert.Contains("1 incident", list, StringComparison.Ordinal);
        foreach (var path in new[] { "", "/live", "/events", "/postmortem.md" })
        {
            var response = await client.GetAsync(new Uri($"/incidents/{slack.Id}{path}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var insights = await client.GetStringAsync(new Uri("/insights", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Slack-only outage", insights, StringComparison.Ordinal);
    }
}
