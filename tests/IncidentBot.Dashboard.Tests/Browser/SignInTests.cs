using IncidentBot.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IncidentBot.Dashboard.Tests.Browser;

/// <summary>Sign-in with the API token, the session cookie's shape, and sign-out, in a real Chromium.</summary>
[Collection(BrowserSuite.Name)]
public sealed class SignInTests(DashboardSite site)
{
    [Fact]
    public async Task A_person_signs_in_with_the_token_and_out_again()
    {
        var page = await site.NewPageAsync();

        // /insights sends a stranger to the sign-in page, which hops once more (same-site, by a meta refresh) before it
        // shows the form: the screenshot waits for the form, not for the first page load.
        await page.GotoAsync("/insights");
        await Assertions.Expect(page.GetByLabel("API token")).ToBeVisibleAsync();
        Assert.EndsWith("retry=1&returnUrl=%2Finsights", page.Url, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "signin");

        await page.GetByLabel("API token").FillAsync("not-the-token-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not the API token");

        await page.GetByLabel("API token").FillAsync(DashboardSite.ApiToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Insights", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(DashboardSite.ApiToken, page.Url, StringComparison.Ordinal);

        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "incidentbot.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.DoesNotContain(DashboardSite.ApiToken, session.Value, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "incidentbot.session");

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByLabel("API token")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        var page = await site.NewPageAsync();
        var response = await page.APIRequest.PostAsync("/signin", new() { Form = page.APIRequest.CreateFormData().Set("token", DashboardSite.ApiToken) });

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "incidentbot.session");
    }
}
