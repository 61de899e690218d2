using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Host;

public sealed class ApiTests
{
    private const string Token = "test-api-token-0123456789abcdef";

    private static readonly Dictionary<string, string?> WithToken = new() { ["Api:Token"] = Token };

    [Fact]
    public async Task The_api_is_absent_while_no_token_is_set()
    {
        await using var bot = new BotApplication();
        using var client = bot.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await client.GetAsync(new Uri("/api/incidents", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token-0123456789abcdef")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer ")]
    public async Task A_request_without_the_right_token_gets_401(string? authorization)
    {
        await using var bot = new BotApplication(WithToken);
        using var client = bot.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync(new Uri("/api/incidents", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_incident_is_404()
    {
        await using var bot = new BotApplication(WithToken);
        using var client = Authorized(bot);

        var missing = await client.GetAsync(new Uri("/api/incidents/INC-999", UriKind.Relative), TestContext.Current.CancellationToken);
        var malformed = await client.GetAsync(new Uri("/api/incidents/42", UriKind.Relative), TestContext.Current.CancellationToken);
        var noDraft = await client.GetAsync(new Uri("/api/incidents/INC-999/postmortem.md", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noDraft.StatusCode);
    }

    [Fact]
    public async Task A_declared_incident_is_served_with_its_timeline_in_camel_case()
    {
        await using var bot = new BotApplication(WithToken);
        using var client = Authorized(bot);
        var handler = bot.Services.GetRequiredService<IInboundHandler>();
        var context = new InboundContext(new WorkspaceId(Platform.Slack, "T1"), "C1", null, new UserRef("U1", "jens"), bot.Time.GetUtcNow(), "cmd:1");

        var outcome = await handler.HandleAsync(new CommandInvoked(context, "declare sev2 Pipeline blocks spiking", null, null), TestContext.Current.CancellationToken);
        var one = await client.GetStringAsync(new Uri($"/api/incidents/{outcome.IncidentId}", UriKind.Relative), TestContext.Current.CancellationToken);
        var open = await client.GetStringAsync(new Uri("/api/incidents?status=open", UriKind.Relative), TestContext.Current.CancellationToken);

        using var doc = JsonDocument.Parse(one);
        var root = doc.RootElement;
        Assert.Equal("INC-1", root.GetProperty("id").GetString());
        Assert.Equal("slack:T1", root.GetProperty("workspace").GetString());
        Assert.Equal("slack", root.GetProperty("platform").GetString());
        Assert.Equal("SEV2", root.GetProperty("severity").GetString());
        Assert.Equal("Investigating", root.GetProperty("status").GetString());
        Assert.Equal("jens", root.GetProperty("commander").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("acknowledgedAt").ValueKind);
        Assert.Equal("Declared", root.GetProperty("timeline")[0].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("actionItems").ValueKind);
        using var list = JsonDocument.Parse(open);
        Assert.Equal("INC-1", list.RootElement[0].GetProperty("id").GetString());
        Assert.False(list.RootElement[0].TryGetProperty("timeline", out _));
    }

    [Fact]
    public async Task An_unknown_status_filter_is_refused()
    {
        await using var bot = new BotApplication(WithToken);
        using var client = Authorized(bot);

        var response = await client.GetAsync(new Uri("/api/incidents?status=everything", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static HttpClient Authorized(BotApplication bot)
    {
        var client = bot.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
