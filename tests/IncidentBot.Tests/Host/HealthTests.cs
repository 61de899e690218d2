using System.Net;
using IncidentBot.Tests.Infrastructure;

namespace IncidentBot.Tests.Host;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_answers_ok_with_no_platform_configured()
    {
        await using var bot = new BotApplication();
        using var client = bot.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_ready_once_the_database_is_migrated()
    {
        await using var bot = new BotApplication();
        using var client = bot.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
