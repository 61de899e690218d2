using System.Text.RegularExpressions;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>Turns a start-up failure caused by configuration or the database into lines for the operator, one per problem.</summary>
internal static partial class StartupFailure
{
    /// <summary>The lines to print, or null when the failure is not one the operator can fix by configuration.</summary>
    public static IReadOnlyList<string>? Lines(Exception exception) => exception switch
    {
        OptionsValidationException e => [.. e.Failures],
        StorageStartupException e => [e.Message],
        InvalidOperationException e when ConversionFailure().Match(e.Message) is { Success: true } m =>
            [$"{m.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)}: '{m.Groups["value"].Value}' is not a valid {Friendly(m.Groups["type"].Value)}."],
        AggregateException e => All(e.InnerExceptions),
        _ => null,
    };

    /// <summary>Every inner failure's lines, or null when one of them is not a configuration problem.</summary>
    private static List<string>? All(IEnumerable<Exception> exceptions)
    {
        var lines = new List<string>();
        foreach (var exception in exceptions)
        {
            if (Lines(exception) is not { } some)
            {
                return null;
            }

            lines.AddRange(some);
        }

        return lines.Count > 0 ? lines : null;
    }

    private static string Friendly(string type) => type switch
    {
        _ when type.Contains("TimeSpan", StringComparison.Ordinal) => "duration; write hh:mm:ss, e.g. 00:05:00, or d.hh:mm:ss",
        _ when type.Contains("Uri", StringComparison.Ordinal) => "URL; write an absolute URL such as https://example.com/",
        _ => $"value of type {type}",
    };

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
