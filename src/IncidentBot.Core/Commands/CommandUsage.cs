namespace IncidentBot.Core.Commands;

/// <summary>The right form of every verb, shown in errors and in <c>help</c>.</summary>
public static class CommandUsage
{
    public static IReadOnlyList<(string Verb, string Usage, string What)> All { get; } =
    [
        ("declare", "declare <sev1|sev2|sev3> <title> [commander @user]", "open an incident and its thread"),
        ("commander", "commander [INC-n] @user", "hand command to someone"),
        ("sev", "sev [INC-n] <1|2|3>", "change the severity (re-plans the clocks)"),
        ("status", "status [INC-n] <investigating|identified|monitoring> [text]", "move the incident along"),
        ("update", "update [INC-n] <text>", "post a status update (restarts the update clock)"),
        ("impact", "impact [INC-n] <text>", "describe who is affected"),
        ("summary", "summary [INC-n] <text>", "say what is happening, for the status doc"),
        ("note", "note [INC-n] <text>", "add a note to the timeline"),
        ("action", "action [INC-n] <text> [@owner] [due YYYY-MM-DD]", "record a follow-up"),
        ("ack", "ack [INC-n]", "acknowledge (stops the ack reminders)"),
        ("resolve", "resolve [INC-n] [text]", "mark it resolved; monitoring starts"),
        ("close", "close [INC-n]", "close it and write the postmortem draft"),
        ("reopen", "reopen [INC-n]", "back to Investigating"),
        ("timeline", "timeline [INC-n]", "show the timeline"),
        ("postmortem", "postmortem [INC-n] [done <link>]", "regenerate the draft, or record it as written"),
        ("pagerduty", "pagerduty [INC-n] <PagerDuty incident id or URL>", "link to a PagerDuty incident: acks, resolves and updates sync"),
        ("list", "list", "the open incidents"),
        ("help", "help [command]", "this help"),
    ];

    public static string For(string verb) =>
        All.FirstOrDefault(u => u.Verb == verb).Usage ?? "help";

    public static string Help(string? topic)
    {
        if (topic is not null && All.Any(u => u.Verb == topic))
        {
            var entry = All.First(u => u.Verb == topic);
            return $"`{entry.Usage}` — {entry.What}.";
        }

        return General;
    }

    /// <summary>The whole help, built once: <c>help</c> is answered often and its text never changes.</summary>
    private static string General { get; } =
        "IncidentBot commands (the INC-n may be left out inside an incident's thread, "
        + "or in the incidents channel when exactly one incident is open):\n"
        + string.Join('\n', All.Select(u => $"`{u.Usage}` — {u.What}"));
}
