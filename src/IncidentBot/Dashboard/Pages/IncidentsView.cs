using IncidentBot.Core.Dashboard;
using IncidentBot.Dashboard.Access;
using Microsoft.AspNetCore.Antiforgery;

namespace IncidentBot.Dashboard.Pages;

/// <summary>What the incidents page shows: one page of rows and the filter that chose them, as typed.</summary>
/// <remarks>Public only because Razor components, which take it as a parameter, always are.</remarks>
public sealed record IncidentsView(
    Viewer Viewer,
    AntiforgeryTokenSet Csrf,
    IncidentListPage Page,
    string Status,
    string Severity,
    string Platform,
    string Text,
    DateTimeOffset Now)
{
    public bool Filtered => Status.Length + Severity.Length + Platform.Length + Text.Length > 0;

    /// <summary>The query string of this filter at another page.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string>();
        foreach (var (key, value) in new[] { ("status", Status), ("severity", Severity), ("platform", Platform), ("q", Text) })
        {
            if (value.Length > 0)
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        parts.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/?" + string.Join("&", parts);
    }
}
