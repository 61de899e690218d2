using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Slack.Signing;

/// <summary>
/// Slack's <c>v0</c> request signature: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c> keyed with the signing
/// secret, compared in constant time, with a five-minute window against replays
/// (<see href="https://docs.slack.dev/authentication/verifying-requests-from-slack"/>).
/// </summary>
internal sealed class SlackSignatureVerifier(string signingSecret, TimeProvider time)
{
    /// <summary>Slack's documented window: a request more than five minutes from our clock is refused.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";

    private const int HashBytes = 32;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.Missing;
        }

        if (timestampHeader.Length > 12
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Malformed;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > Window)
        {
            return SignatureCheck.Stale;
        }

        if (!signatureHeader.StartsWith(Version + "=", StringComparison.Ordinal) || signatureHeader.Length != Version.Length + 1 + 64)
        {
            return SignatureCheck.Malformed;
        }

        // The signature's hex decoded into bytes and compared with the MAC as bytes: no string per request. Hex of
        // either case decodes alike, as the lower-casing comparison did before.
        Span<byte> given = stackalloc byte[HashBytes];
        if (Convert.FromHexString(signatureHeader.AsSpan(Version.Length + 1), given, out _, out var written) != OperationStatus.Done
            || written != HashBytes)
        {
            return SignatureCheck.Malformed;
        }

        // "v0:" + at most 12 digits + ":" fits on the stack; the body is hashed where it lies.
        Span<byte> prefix = stackalloc byte[Version.Length + 2 + timestampHeader.Length];
        Encoding.ASCII.GetBytes($"{Version}:{timestampHeader}:", prefix);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        Span<byte> expected = stackalloc byte[HashBytes];
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }
}
