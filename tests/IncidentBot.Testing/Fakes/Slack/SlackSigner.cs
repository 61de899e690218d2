using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Testing.Fakes.Slack;

/// <summary>
/// Signs requests the way Slack does, written apart from the production verifier so that a bug there cannot
/// bless its own output: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>.
/// </summary>
public static class SlackSigner
{
    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexString(mac).ToLowerInvariant();
    }

    /// <summary>A POST of <paramref name="body"/> with Slack's two signature headers.</summary>
    public static HttpRequestMessage Request(string path, string body, string contentType, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", Sign(secret, timestamp, body));
        return request;
    }
}
