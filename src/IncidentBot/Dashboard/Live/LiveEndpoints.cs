using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using IncidentBot.Core.Incidents;
using IncidentBot.Dashboard.Access;
using IncidentBot.Dashboard.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Dashboard.Live;

/// <summary>
/// The incident page's live part: a server-sent event stream that says "changed" (the change's sequence number as
/// its id, so a reconnecting EventSource catches up through Last-Event-ID), and the fragment the page then fetches.
/// </summary>
internal static class LiveEndpoints
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/incidents/{id}/live", FragmentAsync);
        pages.MapGet("/incidents/{id}/events", EventsAsync);
    }

    private static async Task<IResult> FragmentAsync(HttpContext context, string id, IncidentReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(id, context.Viewer().Scope, cancellationToken) is { } view
            ? new RazorComponentResult<IncidentLive>(new Dictionary<string, object?> { [nameof(IncidentLive.View)] = view })
            : Results.NotFound();

    private static async Task<IResult> EventsAsync(
        HttpContext context, string id, long? after, IncidentReader reader, IncidentChanges changes, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(id, context.Viewer().Scope, cancellationToken) is not { } incident)
        {
            return Results.NotFound();
        }

        var seen = long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : after ?? 0;

        // Tell nginx-style proxies not to buffer the stream.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.ServerSentEvents(StreamAsync(changes, incident.Id, seen, lifetime.ApplicationStopping, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        IncidentChanges changes, IncidentId id, long seen, CancellationToken stopping, [EnumeratorCancellation] CancellationToken aborted)
    {
        // A page open when the host stops must not hold up the shutdown.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, aborted);
        using var subscription = changes.Watch(id);
        yield return Changed(Math.Max(seen, changes.Current), changes.VersionOf(id) > seen ? "changed" : "hello");
        while (await WaitAsync(subscription, stop.Token))
        {
            while (subscription.Changes.TryRead(out var version))
            {
                yield return Changed(version, "changed");
            }
        }
    }

    private static SseItem<string> Changed(long version, string type) =>
        new(version.ToString(CultureInfo.InvariantCulture), type) { EventId = version.ToString(CultureInfo.InvariantCulture) };

    private static async Task<bool> WaitAsync(IncidentChanges.Subscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            return await subscription.Changes.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
