using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>Answers every Web API call with <c>ok:true</c> at once: Slack as fast as it could be, so the run measures the bot.</summary>
internal sealed class MinimalSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _calls;

    private MinimalSlack(WebApplication app)
    {
        _app = app;
        app.MapPost("/api/{method}", async (HttpContext context, string method) =>
        {
            var n = Interlocked.Increment(ref _calls);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(method == "auth.test"
                ? """{"ok":true,"user_id":"U0LOADBOT","bot_id":"B0LOADBOT","team_id":"T0LOAD"}"""
                : string.Create(CultureInfo.InvariantCulture, $$"""{"ok":true,"channel":"C0LOAD","ts":"1767600000.{{n:D6}}","permalink":"https://example.invalid/p{{n}}"}"""));
        });
    }

    public Uri ApiBaseUrl => new(_app.Urls.Single().TrimEnd('/') + "/api/");

    public long Calls => Interlocked.Read(ref _calls);

    public static async Task<MinimalSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var slack = new MinimalSlack(builder.Build());
        await slack._app.StartAsync();
        return slack;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
