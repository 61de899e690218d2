using IncidentBot.Core.Incidents;

namespace IncidentBot.Hosting;

/// <summary>
/// Hears that an incident changed outside an inbound input, after the change committed: a reminder fired. Inputs
/// reach the same observers through the inbound handler; the dashboard's open pages are one (DESIGN.md §10).
/// </summary>
internal interface IIncidentChangeObserver
{
    void Changed(IncidentId id);
}
