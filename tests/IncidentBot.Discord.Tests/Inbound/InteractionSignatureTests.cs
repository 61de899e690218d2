using System.Text;
using System.Text.Json;
using IncidentBot.Discord.Inbound;
using IncidentBot.Discord.Tests.Infrastructure;

namespace IncidentBot.Discord.Tests.Inbound;

/// <summary>The real Discord-signed PING captured by ssMMiles/discord-interactions (Fixtures/PROVENANCE.md).</summary>
public sealed class InteractionSignatureTests
{
    private readonly Dictionary<string, string> _vector =
        JsonSerializer.Deserialize<Dictionary<string, string>>(Fixture.Read("signed_ping_vectors.json"))!;

    [Fact]
    public void The_real_discord_signed_ping_verifies()
    {
        var signature = new InteractionSignature(_vector["PUBLIC_KEY"]);

        Assert.True(signature.IsValid(_vector["TIMESTAMP_VALID"], _vector["SIGNATURE_VALID"], Encoding.UTF8.GetBytes(_vector["BODY_VALID"])));
    }

    [Fact]
    public void Discords_deliberately_invalid_request_does_not_verify()
    {
        var signature = new InteractionSignature(_vector["PUBLIC_KEY"]);

        Assert.False(signature.IsValid(_vector["TIMESTAMP_INVALID"], _vector["SIGNATURE_INVALID"], Encoding.UTF8.GetBytes(_vector["BODY_INVALID"])));
    }

    [Theory]
    [InlineData("body")]
    [InlineData("timestamp")]
    [InlineData("signature")]
    [InlineData("missing")]
    public void Any_tampering_fails(string what)
    {
        var signature = new InteractionSignature(_vector["PUBLIC_KEY"]);
        var body = _vector["BODY_VALID"] + (what == "body" ? " " : string.Empty);
        var timestamp = what == "timestamp" ? "1657322079" : _vector["TIMESTAMP_VALID"];
        var sig = what switch
        {
            "signature" => "0" + _vector["SIGNATURE_VALID"][1..],
            "missing" => null,
            _ => _vector["SIGNATURE_VALID"],
        };

        Assert.False(signature.IsValid(timestamp, sig, Encoding.UTF8.GetBytes(body)));
    }
}
