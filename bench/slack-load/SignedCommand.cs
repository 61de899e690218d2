using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// One <c>/incident</c> slash command as Slack sends it (form body, <c>v0</c> HMAC-SHA256 signature over
/// timestamp and body), and the time from sending it to the answer. Shared by slack-load and replica-load.
/// </summary>
internal static class SignedCommand
{
    public static async Task<(bool Ok, double Ms)> SendAsync(HttpClient http, string secret, string trigger, string text)
    {
        var body = string.Join('&', new Dictionary<string, string>
        {
            ["team_id"] = "T0LOAD",
            ["channel_id"] = "C0LOAD",
            ["user_id"] = "U0LOAD",
            ["user_name"] = "load",
            ["command"] = "/incident",
            ["text"] = text,
            ["response_url"] = "http://127.0.0.1:9/load",
            ["trigger_id"] = trigger,
        }.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return (response.IsSuccessStatusCode, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// <paramref name="connections"/> callers, caller <c>i</c> on <paramref name="clientOf"/>(i), each sending distinct
    /// commands back to back for <paramref name="duration"/>: every latency, the failures and the time it took.
    /// </summary>
    public static async Task<(List<double> Latencies, int Failures, TimeSpan Elapsed)> LoadAsync(
        Func<int, HttpClient> clientOf, string secret, string text, string marker, int connections, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var perCaller = new List<double>[connections];
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(caller => Task.Run(async () =>
        {
            var mine = perCaller[caller] = [];
            var http = clientOf(caller);
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                // Distinct text and trigger_id per request: every one is a new invocation, none a duplicate.
                var id = string.Create(CultureInfo.InvariantCulture, $"{marker}-{caller}-{i}");
                var (ok, ms) = await SendAsync(http, secret, id, $"{text} {id}");
                mine.Add(ms);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return ([.. perCaller.SelectMany(l => l)], failures, clock.Elapsed);
    }
}
