using System.Text.Json.Nodes;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentBot.Discord.Tests.Commands;

public sealed class CommandRegistrarTests
{
    [Fact]
    public async Task With_a_guild_id_the_manifest_is_bulk_overwritten_in_that_guild()
    {
        await using var h = await DiscordHarness.StartAsync(new Dictionary<string, string?> { ["Discord:GuildId"] = "1100000000000000003" });
        var registrar = h.Services.GetServices<IHostedService>().OfType<CommandRegistrar>().Single();

        await registrar.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.AssertAsync(() => h.Discord.RequestsTo("PUT", "/commands").Count == 1, "the registration");
        var put = h.Discord.RequestsTo("PUT", "/commands")[0];
        Assert.Equal($"/applications/{h.Discord.ApplicationId}/guilds/1100000000000000003/commands", put.Path);
        Assert.True(JsonNode.DeepEquals(new JsonArray(CommandManifest.Load()), put.Json));
    }

    [Fact]
    public async Task Without_a_guild_id_it_is_registered_globally_and_a_transient_failure_is_retried()
    {
        await using var h = await DiscordHarness.StartAsync();
        h.Discord.FailNext(new IncidentBot.Testing.Fakes.Discord.FakeFailure("PUT", "/commands", 503));
        var registrar = h.Services.GetServices<IHostedService>().OfType<CommandRegistrar>().Single();

        await registrar.StartAsync(TestContext.Current.CancellationToken);
        await h.AdvanceUntilAsync(() => h.Logs.GetSnapshot().Any(l => l.Message == "Discord commands registered globally."));

        Assert.Equal(2, h.Discord.RequestsTo("PUT", "/commands").Count);
        Assert.All(h.Discord.RequestsTo("PUT", "/commands"), r => Assert.Equal($"/applications/{h.Discord.ApplicationId}/commands", r.Path));
        await registrar.StopAsync(TestContext.Current.CancellationToken);
    }
}
