using IncidentBot.Discord.Configuration;

namespace IncidentBot.Discord.Tests.Inbound;

public sealed class OptionsValidationTests
{
    private readonly DiscordOptionsValidator _validator = new();

    [Fact]
    public void A_public_key_without_a_bot_token_is_refused()
    {
        var result = _validator.Validate(null, new DiscordOptions { PublicKey = "c5568d0facd66bddee281dcb9c8ac02e169c5c20741b215b2539a96bb183c5d6" });

        Assert.StartsWith("Discord__PublicKey is set but Discord__BotToken is not", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void No_token_is_valid_and_leaves_discord_off()
    {
        Assert.True(_validator.Validate(null, new DiscordOptions()).Succeeded);
    }

    [Theory]
    [InlineData("BotToken", "Bot abc", "Discord__BotToken")]
    [InlineData("ApplicationId", "my-app", "Discord__ApplicationId")]
    [InlineData("PublicKey", "c5568d0f", "Discord__PublicKey")]
    [InlineData("PublicKey", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "Discord__PublicKey")]
    [InlineData("GuildId", "guild", "Discord__GuildId")]
    [InlineData("IncidentsChannel", "#incidents", "Discord__IncidentsChannel")]
    [InlineData("GatewayUrl", "https://gateway.discord.gg", "Discord__GatewayUrl")]
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
