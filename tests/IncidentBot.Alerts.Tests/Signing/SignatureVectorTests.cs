using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Alerts.Signing;

namespace IncidentBot.Alerts.Tests.Signing;

public sealed class SignatureVectorTests
{
    private const string Vector = "pagerduty/webhooks-v3/signature-vector-go-pagerduty";

    private static byte[] Body => Fixture.Bytes($"{Vector}/body.json");

    private static string Secret => Fixture.Text($"{Vector}/secret.txt");

    [Fact]
    public void PagerDuty_go_pagerduty_vector_verifies()
    {
        Assert.True(PagerDutySignature.Verify(Body, Fixture.Text($"{Vector}/signature-valid.txt"), [Secret]));
        Assert.Equal(Fixture.Text($"{Vector}/signature-valid.txt"), PagerDutySignature.Sign(Body, Secret));
    }

    [Fact]
    public void PagerDuty_mismatch_vector_is_refused()
    {
        Assert.False(PagerDutySignature.Verify(Body, Fixture.Text($"{Vector}/signature-mismatch.txt"), [Secret]));
    }

    [Fact]
    public void During_a_rotation_any_matching_signature_and_any_configured_secret_will_do()
    {
        var vector = JsonNode.Parse(Fixture.Text($"{Vector}/vector.json"))!;
        Assert.True(PagerDutySignature.Verify(Body, (string)vector["rotation_header_value_valid"]!, [Secret]));
        Assert.True(PagerDutySignature.Verify(Body, Fixture.Text($"{Vector}/signature-valid.txt"), ["the-new-secret-after-rotation", Secret]));
    }

    [Fact]
    public void A_stale_secret_a_changed_body_and_junk_headers_are_refused()
    {
        var valid = Fixture.Text($"{Vector}/signature-valid.txt");
        Assert.False(PagerDutySignature.Verify(Body, valid, ["the-new-secret-after-rotation"]));
        Assert.False(PagerDutySignature.Verify([.. Body, (byte)' '], valid, [Secret]));
        Assert.False(PagerDutySignature.Verify(Body, null, [Secret]));
        Assert.False(PagerDutySignature.Verify(Body, "v0=" + valid[3..], [Secret]));
        Assert.False(PagerDutySignature.Verify(Body, "v1=zz", [Secret]));
        Assert.False(PagerDutySignature.Verify(Body, valid, []));
    }

    public static TheoryData<string> GrafanaCases => [.. JsonNode.Parse(Fixture.Text("grafana/hmac-vector-computed/vector.json"))!["cases"]!.AsArray()
        .Select(c => (string)c!["name"]!)];

    [Theory]
    [MemberData(nameof(GrafanaCases))]
    public void Grafana_hmac_vectors(string name)
    {
        var vector = JsonNode.Parse(Fixture.Text("grafana/hmac-vector-computed/vector.json"))!;
        var c = vector["cases"]!.AsArray().Single(x => (string)x!["name"]! == name)!;
        var body = c["body_file"] is { } file
            ? Fixture.Bytes(Path.GetFullPath(Path.Combine(Fixture.Root, "grafana/hmac-vector-computed", (string)file!)))
            : Encoding.UTF8.GetBytes((string)c["body_utf8"]!);
        var timestamp = (string?)c["timestamp"];
        var now = timestamp is null ? DateTimeOffset.UnixEpoch : DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture));

        var problem = GrafanaSignature.Check(body, (string)c["X-Grafana-Alerting-Signature"]!, timestamp, (string)vector["secret"]!, now);

        if ((string?)c["expect"] == "reject")
        {
            Assert.Contains("does not match", problem, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(problem);
        }
    }

    [Fact]
    public void A_Grafana_timestamp_outside_the_window_is_a_replay()
    {
        var vector = JsonNode.Parse(Fixture.Text("grafana/hmac-vector-computed/vector.json"))!;
        var c = vector["cases"]!.AsArray()[1]!;
        var body = Fixture.Bytes("grafana/docs/webhook-notifier.firing-two-alerts.json");

        var problem = GrafanaSignature.Check(body, (string)c["X-Grafana-Alerting-Signature"]!, "1700000000", "secret",
            DateTimeOffset.FromUnixTimeSeconds(1700000000).AddMinutes(6));

        Assert.Contains("within 5 minutes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bearer_tokens_match_only_exactly()
    {
        Assert.True(BearerToken.Matches("Bearer example-token-0123456789", "example-token-0123456789"));
        Assert.True(BearerToken.Matches("bearer example-token-0123456789", "example-token-0123456789"));
        Assert.False(BearerToken.Matches("Bearer example-token-012345678", "example-token-0123456789"));
        Assert.False(BearerToken.Matches("Basic YWxlcnRtYW5hZ2VyOmV4YW1wbGUtcGFzc3dvcmQ=", "example-token-0123456789"));
        Assert.False(BearerToken.Matches(null, "example-token-0123456789"));
    }
}
