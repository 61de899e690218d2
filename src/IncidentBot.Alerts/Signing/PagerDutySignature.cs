using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Alerts.Signing;

/// <summary>
/// <c>X-PagerDuty-Signature</c>: one or more comma-separated <c>v1=&lt;hex&gt;</c>, each the HMAC-SHA256 of the raw body
/// under a subscription secret; during a rotation several appear and any match will do (reference/alerting.md §1).
/// Every signature is compared against every secret in constant time, so timing says nothing about which was close.
/// </summary>
internal static class PagerDutySignature
{
    public const string Header = "X-PagerDuty-Signature";

    private const int MaxSignatures = 10;

    public static bool Verify(ReadOnlySpan<byte> body, string? header, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrWhiteSpace(header) || secrets.Count == 0)
        {
            return false;
        }

        var expected = new List<byte[]>(secrets.Count);
        foreach (var secret in secrets)
        {
            expected.Add(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        }

        var match = false;
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxSignatures))
        {
            if (!part.StartsWith("v1=", StringComparison.Ordinal) || !TryHex(part[3..], out var given))
            {
                continue;
            }

            foreach (var mac in expected)
            {
                match |= CryptographicOperations.FixedTimeEquals(mac, given);
            }
        }

        return match;
    }

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/> (for tests and tools).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    internal static bool TryHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
