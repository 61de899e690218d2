using IncidentBot.Discord.Configuration;

namespace IncidentBot.Discord.Tests.Inbound;

public sealed class OptionsValidationTests
{
    private readonly DiscordOptionsValidator _validator = new();

    [Fact]
    public void No_token_is_valid_and_leaves_discord_off()
    {
        Assert.True(_validator.Validate(null, new DiscordOptions()).Succeeded);
    }

    [Theory]
    [InlineData("BotToken", "Bot abc", "Discord:BotToken")]
    [InlineData("ApplicationId", "my-app", "Discord:ApplicationId")]
    [InlineData("PublicKey", "c5568d0f", "Discord:PublicKey")]
    [InlineData("PublicKey", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "Discord:PublicKey")]
    [InlineData("GuildId", "guild", "Discord:GuildId")]
    [InlineData("IncidentsChannel", "#incidents", "Discord:IncidentsChannel")]
    [InlineData("GatewayUrl", "https://gateway.discord.gg", "Discord:GatewayUrl")]
    public void A_bad_value_fails_with_one_line_naming_the_key(string key, string value, string named)
    {
        var options = new DiscordOptions { BotToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.ghijklmnopqrstuvwxyz", ApplicationId = "123456789012345678" };
        switch (key)
        {
            case "BotToken": options.BotToken = value; break;
            case "ApplicationId": options.ApplicationId = value; break;
            case "PublicKey": options.PublicKey = value; break;
            case "GuildId": options.GuildId = value; break;
            case "IncidentsChannel": options.IncidentsChannel = value; break;
            default: options.GatewayUrl = new Uri(value); break;
        }

        var result = _validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(named + " ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }
}
