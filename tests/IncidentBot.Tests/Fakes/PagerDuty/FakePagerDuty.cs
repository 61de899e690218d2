using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Fakes.PagerDuty;

/// <summary>
/// A fake of the PagerDuty REST API v2 on <c>127.0.0.1:0</c>: <c>PUT /incidents/{id}</c> and
/// <c>POST /incidents/{id}/notes</c>, recording every request with the headers PagerDuty requires, and
/// <c>GET /incidents/{id}/notes</c> listing the notes it made. Planned faults (5xx, 429 with PagerDuty's
/// <c>ratelimit-reset</c>) answer the next writes instead of performing them; a lost answer performs the write and
/// answers 500, as a proxy timing out after PagerDuty acted does; an unknown route is a 404 as PagerDuty's.
/// </summary>
public sealed class FakePagerDuty : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<FakePagerDutyRequest> _requests = [];
    private readonly Queue<int> _faults = new();
    private int _lostAnswers;
    private int _noteReads;

    private FakePagerDuty(WebApplication app)
    {
        _app = app;
        app.MapPut("/incidents/{id}", HandleAsync);
        app.MapPost("/incidents/{id}/notes", HandleAsync);
        app.MapGet("/incidents/{id}/notes", ListNotes);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request, the failed ones included, in arrival order.</summary>
    public IReadOnlyList<FakePagerDutyRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The writes that PagerDuty performed, whatever it answered.</summary>
    public IReadOnlyList<FakePagerDutyRequest> Accepted => Requests.Where(r => r.Performed).ToList();

    /// <summary>How often the notes of an incident were listed.</summary>
    public int NoteReads => Volatile.Read(ref _noteReads);

    public static async Task<FakePagerDuty> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakePagerDuty(builder.Build());
        await fake._app.StartAsync();
        fake.BaseUrl = new Uri(fake._app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The next requests get these statuses (503, 429…) instead of an answer.</summary>
    public void Fail(params int[] statuses)
    {
        lock (_lock)
        {
            foreach (var status in statuses)
            {
                _faults.Enqueue(status);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> writes are performed but answered 500.</summary>
    public void LoseAnswers(int count) => Interlocked.Add(ref _lostAnswers, count);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private object ListNotes(string id)
    {
        Interlocked.Increment(ref _noteReads);
        var path = $"/incidents/{id}/notes";
        var notes = Accepted.Where(r => r.Path == path && r.Note is not null)
            .Select((r, i) => new { id = $"PNOTE{i}", content = r.Note, created_at = r.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        return new { notes };
    }

    private async Task HandleAsync(HttpContext context, string id)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        int status;
        bool performed;
        lock (_lock)
        {
            status = _faults.TryDequeue(out var fault) ? fault : 200;
            performed = status == 200;
            if (performed && _lostAnswers > 0)
            {
                _lostAnswers--;
                status = 500;
            }

            _requests.Add(new FakePagerDutyRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers["From"].ToString(),
                context.Request.Headers.Accept.ToString(),
                JsonNode.Parse(body),
                status,
                performed,
                TimeProvider.System.GetUtcNow()));
        }

        context.Response.StatusCode = status;
        if (status == 429)
        {
            // What PagerDuty sends when rate limited (fixtures/alerting/pagerduty/rest-api-v2/429-rate-limited.http.txt).
            context.Response.Headers["ratelimit-limit"] = "960";
            context.Response.Headers["ratelimit-remaining"] = "0";
            context.Response.Headers["ratelimit-reset"] = "20";
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Rate Limit Exceeded", code = 2020 } });
            return;
        }

        if (status >= 400)
        {
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Internal Server Error", code = 2001 } });
            return;
        }

        await context.Response.WriteAsJsonAsync(context.Request.Method == "PUT"
            ? new { incident = new { id, type = "incident", status = JsonNode.Parse(body)?["incident"]?["status"]?.GetValue<string>() } }
            : (object)new { note = new { id = "PWL7QXS", content = JsonNode.Parse(body)?["note"]?["content"]?.GetValue<string>() } });
    }
}

/// <summary>One request the bot made to the fake PagerDuty, and the status it got.</summary>
public sealed record FakePagerDutyRequest(
    string Method, string Path, string Authorization, string From, string Accept, JsonNode? Body, int Status, bool Performed, DateTimeOffset At)
{
    public string? IncidentStatus => Body?["incident"]?["status"]?.GetValue<string>();

    public string? Note => Body?["note"]?["content"]?.GetValue<string>();
}
