using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace IncidentBot.Discord.Inbound;

/// <summary>
/// Checks Discord's Ed25519 signature over UTF-8(<c>X-Signature-Timestamp</c>) followed by the raw body bytes,
/// before the body is parsed (https://docs.discord.com/developers/interactions/overview#setting-up-an-endpoint-validating-security-request-headers).
/// .NET 10 has no Ed25519, hence BouncyCastle. The key is parsed once, at start-up.
/// </summary>
internal sealed class InteractionSignature(string publicKeyHex)
{
    private readonly Ed25519PublicKeyParameters _key = new(Convert.FromHexString(publicKeyHex), 0);

    public bool IsValid(string? timestamp, string? signatureHex, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: 128 } || !signatureHex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var signature = Convert.FromHexString(signatureHex);
        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var verifier = new Ed25519Signer();
        verifier.Init(false, _key);
        verifier.BlockUpdate(stamp, 0, stamp.Length);
        verifier.BlockUpdate(body);
        return verifier.VerifySignature(signature);
    }
}
