namespace IncidentBot.Discord.Rendering;

/// <summary>Finds where rendered text may be cut: never inside a backslash escape or a surrogate pair.</summary>
internal static class TextCutter
{
    /// <summary>
    /// The last natural cut at or before <paramref name="max"/>: after a newline, else after a space; 0 when the
    /// window has neither.
    /// </summary>
    public static int NaturalCut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text.Length;
        }

        var window = text.AsSpan(0, Math.Max(0, max));
        var newline = window.LastIndexOf('\n');
        var cut = newline >= 0 ? newline + 1 : window.LastIndexOf(' ') + 1;
        return cut <= 0 ? 0 : SafeCut(text, cut);
    }

    /// <summary>Moves <paramref name="cut"/> left until it splits neither an escape nor a surrogate pair.</summary>
    public static int SafeCut(string text, int cut)
    {
        cut = Math.Clamp(cut, 0, text.Length);
        if (cut > 0 && cut < text.Length && char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        var backslashes = 0;
        while (cut - backslashes - 1 >= 0 && text[cut - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        return backslashes % 2 == 1 ? cut - 1 : cut;
    }

    /// <summary>Shortens to <paramref name="max"/> with a visible note that it was shortened, or returns the text unchanged.</summary>
    public static string Shorten(string text, int max, string note)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = SafeCut(text, max - note.Length);
        return text[..keep] + note;
    }
}
