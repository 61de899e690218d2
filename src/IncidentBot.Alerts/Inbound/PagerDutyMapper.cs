using System.Globalization;
using System.Text.Json;
using IncidentBot.Core.Alerts;

namespace IncidentBot.Alerts.Inbound;

/// <summary>
/// Reads a PagerDuty webhook v3 envelope (reference/alerting.md §1): <c>{"event": {id, event_type, resource_type,
/// occurred_at, agent, data}}</c>. Incident events carry the incident as <c>data</c>; <c>incident.annotated</c> carries
/// the note, with the incident under <c>data.incident</c>. Events about anything else are valid and not for us.
/// </summary>
internal static class PagerDutyMapper
{
    public static (PageEvent? Page, string? Problem) Map(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            return (null, $"the body is not JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object)
            {
                return (null, "the body has no event object (a PagerDuty webhook v3 envelope is {\"event\": {...}})");
            }

            if (Text(e, "id") is not { } id)
            {
                return (null, "event.id is missing");
            }

            if (Text(e, "event_type") is not { } type)
            {
                return (null, "event.event_type is missing");
            }

            if (!DateTimeOffset.TryParse(Text(e, "occurred_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var occurred))
            {
                return (null, "event.occurred_at is missing or not a time");
            }

            var kind = Kind(type);
            if (kind == PageEventKind.Other || Text(e, "resource_type") != "incident")
            {
                return (new PageEvent(id, PageEventKind.Other, string.Empty, null, type, null, null, null, null, [], null, occurred, []), null);
            }

            if (!e.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return (null, "event.data is missing");
            }

            var incident = kind == PageEventKind.Annotated && data.TryGetProperty("incident", out var nested) && nested.ValueKind == JsonValueKind.Object
                ? nested
                : data;
            if (Text(incident, "id") is not { } incidentId)
            {
                return (null, kind == PageEventKind.Annotated ? "event.data.incident.id is missing" : "event.data.id is missing");
            }

            var title = Text(incident, "title") ?? Text(incident, "summary") ?? incidentId;
            var assignees = data.TryGetProperty("assignees", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(a => Text(a, "summary")).OfType<string>().ToList()
                : [];
            var number = incident.TryGetProperty("number", out var n) && n.TryGetInt32(out var value) ? value : (int?)null;
            var priority = data.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.Object ? Text(p, "summary") : null;
            var agent = e.TryGetProperty("agent", out var a) && a.ValueKind == JsonValueKind.Object ? Text(a, "summary") : null;
            var mentions = new[] { title, Text(data, "incident_key") }.OfType<string>().ToList();
            return (new PageEvent(
                id, kind, incidentId, number, title, Text(incident, "html_url"), Text(data, "urgency"), priority, agent, assignees,
                kind == PageEventKind.Annotated ? Text(data, "content") : null, occurred.ToUniversalTime(), mentions), null);
        }
    }

    private static PageEventKind Kind(string type) => type switch
    {
        "incident.triggered" => PageEventKind.Triggered,
        "incident.acknowledged" => PageEventKind.Acknowledged,
        "incident.resolved" => PageEventKind.Resolved,
        "incident.reassigned" => PageEventKind.Reassigned,
        "incident.annotated" => PageEventKind.Annotated,
        _ => PageEventKind.Other,
    };

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
