namespace IncidentBot.Core.Incidents;

/// <summary>Limits on user input. Oversize input is refused with the limit named, never truncated.</summary>
public static class IncidentLimits
{
    /// <summary><c>[SEV1] </c> plus the title must fit Discord's 100-character thread name.</summary>
    public const int TitleMax = 93;

    /// <summary>Slack's section text limit is 3000; a longer update belongs in a doc, linked.</summary>
    public const int TextMax = 3000;

    /// <summary>A whole command line; anything longer is refused before it is parsed.</summary>
    public const int CommandMax = 4000;

    public const int LinkMax = 500;

    /// <summary>Counts characters as people and Discord do: one per Unicode scalar, not per UTF-16 unit.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();
}
