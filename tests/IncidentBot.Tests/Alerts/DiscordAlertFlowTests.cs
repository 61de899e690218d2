using System.Net;
using System.Net.Http.Headers;
using IncidentBot.Core.Incidents;
using IncidentBot.Testing.Fakes.Discord;
using IncidentBot.Tests.Discord;

namespace IncidentBot.Tests.Alerts;

/// <summary>Alerts routed to Discord, through the real host and the fake Discord: the "declare?" notice and its button.</summary>
public sealed class DiscordAlertFlowTests
{
    [Fact]
    public async Task Below_the_threshold_the_Discord_notice_declares_once_with_the_presser_as_commander()
    {
        await using var bot = await DiscordBot.StartAsync(new Dictionary<string, string?>
        {
            ["Alerts:Token"] = AlertsBot.AlertsToken,
            ["Alerts:Workspace"] = FakeDiscord.Guild,
        });
        var incidents = bot.Discord.IncidentsChannelId;

        Assert.Equal(HttpStatusCode.OK, await PostAlertAsync(bot, AlertsBot.Fixture("retry-probe.firing.json")));
        await bot.UntilAsync(() => bot.Discord.MessagesIn(incidents).Any(m => m.Current.ToJsonString().Contains("declare an incident?", StringComparison.Ordinal)), "the declare? notice");
        var notice = bot.Discord.MessagesIn(incidents).Single();
        var button = notice.Current["components"]![0]!["components"]![0]!;
        var customId = button["custom_id"]!.GetValue<string>();
        Assert.StartsWith("declare_alert:", customId, StringComparison.Ordinal);
        Assert.Equal("Declare incident", button["label"]!.GetValue<string>());

        // A repeat of the group does not ask again.
        Assert.Equal(HttpStatusCode.OK, await PostAlertAsync(bot, AlertsBot.Fixture("retry-probe.firing.json")));

        await bot.ClickAsync(incidents, notice.Id, customId, DiscordBot.Ana);
        await bot.UntilAsync(() => bot.Discord.MessagesIn(incidents).Count == 2, "the incident's status doc");
        var incident = await bot.IncidentAsync(1);
        Assert.Equal((Severity.Sev3, DiscordBot.Ana), (incident.Severity, incident.Commander.Id));

        await bot.ClickAsync(incidents, notice.Id, customId, DiscordBot.Bob);
        await bot.UntilAsync(
            () => bot.Discord.RequestsTo("POST", "/callback").Any(c => c.Json?.ToJsonString().Contains("INC-1 was already declared", StringComparison.Ordinal) == true),
            "the second press told it was declared already");
        Assert.Equal(2, bot.Discord.MessagesIn(incidents).Count);
        Assert.Null(await bot.Store.FindAsync(new IncidentId(2), TestContext.Current.CancellationToken));
    }

    private static async Task<HttpStatusCode> PostAlertAsync(DiscordBot bot, byte[] body)
    {
        using var client = bot.App.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alerts/alertmanager") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AlertsBot.AlertsToken);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
