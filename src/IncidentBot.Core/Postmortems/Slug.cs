using System.Globalization;
using System.Text;

namespace IncidentBot.Core.Postmortems;

/// <summary>
/// A file-name-safe slug of a title: lower-case ASCII letters and digits joined by single hyphens, accents
/// folded (<c>Déploiement</c> → <c>deploiement</c>), at most <see cref="MaxLength"/> characters cut at a word.
/// </summary>
internal static class Slug
{
    public const int MaxLength = 60;

    public static string From(string title)
    {
        var sb = new StringBuilder(Math.Min(title.Length, MaxLength + 20));
        var pendingHyphen = false;
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }

            if (sb.Length > MaxLength)
            {
                break;
            }
        }

        var slug = sb.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = cut > 0 ? slug[..cut] : slug[..MaxLength];
        }

        return slug.Length == 0 ? "incident" : slug;
    }
}
