using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Parameters;

namespace IncidentBot.Discord.Configuration;

/// <summary>Checks the "Discord" section at start-up; each failure is one line naming the key and the fix.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled)
        {
            var token = options.BotToken!;
            if (token.Any(char.IsWhiteSpace) || token.Length < 20)
            {
                failures.Add("Discord__BotToken is malformed: paste the token from the Developer Portal's Bot page, without \"Bot \" or spaces.");
            }

            if (!IsSnowflake(options.ApplicationId))
            {
                failures.Add("Discord__ApplicationId is required with a bot token: copy the Application ID (digits) from the Developer Portal's General Information page.");
            }
        }

        if (!options.Enabled && !string.IsNullOrWhiteSpace(options.PublicKey))
        {
            failures.Add("Discord__PublicKey is set but Discord__BotToken is not: the interactions endpoint needs the bot token too (thread messages come over the gateway).");
        }

        if (options.PublicKey is { Length: > 0 } key && !IsEd25519Key(key))
        {
            failures.Add("Discord__PublicKey must be the application's 64-hex-digit public key from the Developer Portal's General Information page.");
        }

        if (options.GuildId is { Length: > 0 } && !IsSnowflake(options.GuildId))
        {
            failures.Add("Discord__GuildId must be a server id (digits): enable Developer Mode, right-click the server, Copy Server ID.");
        }

        if (options.IncidentsChannel is { Length: > 0 } && !IsSnowflake(options.IncidentsChannel))
        {
            failures.Add("Discord__IncidentsChannel must be a channel id (digits): right-click the channel, Copy Channel ID.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Discord__ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10/.");
        }

        if (options.GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || gateway.Scheme is not ("wss" or "ws")))
        {
            failures.Add("Discord__GatewayUrl must be an absolute ws(s) URL such as wss://gateway.discord.gg/ (or unset).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSnowflake(string? value) =>
        value is { Length: > 0 and <= 20 } && value.All(char.IsAsciiDigit);

    private static bool IsEd25519Key(string hex)
    {
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        try
        {
            // BouncyCastle rejects bytes that are not a curve point; check here, not on the first request.
            _ = new Ed25519PublicKeyParameters(Convert.FromHexString(hex), 0);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
