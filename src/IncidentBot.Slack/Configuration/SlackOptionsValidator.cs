using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Configuration;

/// <summary>
/// Start-up checks, one line per problem naming the key and the fix (DESIGN.md §4: bad configuration stops
/// start-up). Token prefixes follow Slack's token types: bot <c>xoxb-</c>, app-level <c>xapp-</c>
/// (<see href="https://docs.slack.dev/authentication/tokens"/>).
/// </summary>
internal sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BotToken) && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack__BotToken must be a bot token starting with 'xoxb-' (OAuth & Permissions > Bot User OAuth Token).");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack__AppToken must be an app-level token starting with 'xapp-' (Basic Information > App-Level Tokens, scope connections:write).");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken)
            && (!string.IsNullOrWhiteSpace(options.AppToken) || !string.IsNullOrWhiteSpace(options.SigningSecret)))
        {
            failures.Add("Slack__BotToken is missing: Slack__AppToken or Slack__SigningSecret is set, but the bot cannot post without its xoxb- token.");
        }

        if (options.SigningSecret is { Length: > 0 } secret && (secret.Trim().Length != secret.Length || secret.Length < 16))
        {
            failures.Add("Slack__SigningSecret looks wrong (under 16 characters, or spaces around it): copy the Signing Secret from Basic Information > App Credentials.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Slack__ApiBaseUrl must be an absolute http(s) URL, e.g. https://slack.com/api/.");
        }

        if (!string.IsNullOrWhiteSpace(options.IncidentsChannel) && !ChannelId().IsMatch(options.IncidentsChannel))
        {
            failures.Add("Slack__IncidentsChannel must be a channel id like C0123ABCD (channel details > About), not a name.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[CG][A-Z0-9]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelId();
}
