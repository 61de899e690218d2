using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Signing;
using IncidentBot.Testing.Fakes.Slack;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Slack.Tests.Signing;

public sealed class SlackSignatureVerifierTests
{
    private static JsonObject Vector =>
        JsonNode.Parse(File.ReadAllText(Path.Combine("Fixtures", "docs", "signing", "docs_test_vector.json")))!.AsObject();

    private static string Secret => Vector["signing_secret"]!.GetValue<string>();

    private static string Timestamp => Vector["x_slack_request_timestamp"]!.GetValue<string>();

    private static string Body => Vector["raw_body"]!.GetValue<string>();

    private static string Signature => Vector["x_slack_signature"]!.GetValue<string>();

    private static SlackSignatureVerifier At(long unixSeconds, out FakeTimeProvider time)
    {
        time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        return new SlackSignatureVerifier(Secret, time);
    }

    [Fact]
    public void Slacks_documented_example_is_valid()
    {
        var verifier = At(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture), out _);

        var check = verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body));

        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Signature);
        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Fact]
    public void A_changed_body_is_a_mismatch()
    {
        var verifier = At(1531420618, out _);

        var check = verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body.Replace("T1DC2JH3J", "T1DC2JH3K", StringComparison.Ordinal)));

        Assert.Equal(SignatureCheck.Mismatch, check);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_a_mismatch()
    {
        var verifier = At(1531420618, out _);
        var forged = SlackSigner.Sign("not-the-secret-at-all", 1531420618, Body);

        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(Timestamp, forged, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(300, "Valid")]
    [InlineData(301, "Stale")]
    [InlineData(-301, "Stale")]
    public void The_window_is_five_minutes_either_way(int secondsLater, string expected)
    {
        var verifier = At(1531420618 + secondsLater, out _);

        Assert.Equal(Enum.Parse<SignatureCheck>(expected), verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(null, "v0=abc", "Missing")]
    [InlineData("1531420618", null, "Missing")]
    [InlineData("", "", "Missing")]
    [InlineData("15314x0618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "Malformed")]
    [InlineData("-1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "Malformed")]
    [InlineData("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "Malformed")]
    [InlineData("1531420618", "v0=a2114d57", "Malformed")]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature, string expected)
    {
        var verifier = At(1531420618, out _);

        Assert.Equal(Enum.Parse<SignatureCheck>(expected), verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Upper_case_hex_is_accepted_because_hex_digests_are_case_insensitive()
    {
        var verifier = At(1531420618, out _);

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Timestamp, "v0=" + Signature[3..].ToUpperInvariant(), Encoding.UTF8.GetBytes(Body)));
    }
}
