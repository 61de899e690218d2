using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Alerts.Signing;

/// <summary>
/// Grafana's optional webhook HMAC (grafana/alerting <c>http/hmac.go</c>, reference/alerting.md §4): the hex
/// HMAC-SHA256 of the body, or of <c>timestamp:body</c> when the contact point sends a timestamp header, in
/// <c>X-Grafana-Alerting-Signature</c>. A timestamped post older than five minutes is refused as a replay.
/// </summary>
internal static class GrafanaSignature
{
    public const string Header = "X-Grafana-Alerting-Signature";
    public const string TimestampHeader = "X-Grafana-Alerting-Timestamp";

    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Null when it verifies; otherwise what is wrong.</summary>
    public static string? Check(ReadOnlySpan<byte> body, string? signature, string? timestamp, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(signature) || !PagerDutySignature.TryHex(signature.Trim(), out var given))
        {
            return $"the {Header} header is missing or not a hex HMAC-SHA256";
        }

        var key = Encoding.UTF8.GetBytes(secret);
        byte[] expected;
        if (string.IsNullOrEmpty(timestamp))
        {
            expected = HMACSHA256.HashData(key, body);
        }
        else
        {
            if (!long.TryParse(timestamp, out var seconds) || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).TotalSeconds) > Window.TotalSeconds)
            {
                return $"the {TimestampHeader} header is not a Unix time within {Window.TotalMinutes:0} minutes of now";
            }

            var prefix = Encoding.UTF8.GetBytes(timestamp + ":");
            var signed = new byte[prefix.Length + body.Length];
            prefix.CopyTo(signed, 0);
            body.CopyTo(signed.AsSpan(prefix.Length));
            expected = HMACSHA256.HashData(key, signed);
        }

        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : $"the {Header} does not match the configured secret";
    }
}
