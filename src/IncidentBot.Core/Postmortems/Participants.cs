using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Postmortems;

/// <summary>Everyone who took part, commander first, then in order of first appearance on the timeline.</summary>
internal static class Participants
{
    /// <summary>From the timeline without deleted entries (<c>live</c>), oldest first.</summary>
    public static IReadOnlyList<UserRef> From(Incident incident, IReadOnlyList<TimelineEntry> live)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<UserRef>();
        void Add(UserRef? user)
        {
            if (user is not null && seen.Add(user.Id))
            {
                people.Add(user);
            }
        }

        Add(incident.Commander);
        foreach (var entry in live)
        {
            Add(entry.Author);
        }

        Add(incident.AcknowledgedBy);
        foreach (var responder in incident.Responders)
        {
            Add(responder);
        }

        return people;
    }

    /// <summary>
    /// Names by user id, for mentions inside text. A name learnt from a mention without a label is the id
    /// itself, so a real name wins over it.
    /// </summary>
    public static Dictionary<string, string> Names(Incident incident, IEnumerable<TimelineEntry> timeline, IEnumerable<ActionItem> actions)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(UserRef? user)
        {
            if (user is not null && user.Name.Length > 0 && (user.Name != user.Id || !names.ContainsKey(user.Id)))
            {
                names[user.Id] = user.Name;
            }
        }

        Add(incident.Commander);
        Add(incident.DeclaredBy);
        Add(incident.AcknowledgedBy);
        foreach (var responder in incident.Responders)
        {
            Add(responder);
        }

        foreach (var entry in timeline)
        {
            Add(entry.Author);
        }

        foreach (var action in actions)
        {
            Add(action.Owner);
        }

        return names;
    }
}
