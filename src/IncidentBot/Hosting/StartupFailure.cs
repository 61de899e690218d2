using System.Text.RegularExpressions;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>Turns a start-up failure caused by configuration or the database into one line for the operator.</summary>
internal static partial class StartupFailure
{
    /// <summary>The line to print, or null when the failure is not one the operator can fix by configuration.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException e => string.Join(" ", e.Failures),
        StorageStartupException e => e.Message,
        InvalidOperationException e when ConversionFailure().Match(e.Message) is { Success: true } m =>
            $"{m.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)}: '{m.Groups["value"].Value}' is not a valid {Friendly(m.Groups["type"].Value)}.",
        AggregateException { InnerExceptions: [var only] } => Describe(only),
        _ => null,
    };

    private static string Friendly(string type) => type.Contains("TimeSpan", StringComparison.Ordinal)
        ? "duration; write hh:mm:ss, e.g. 00:05:00, or d.hh:mm:ss"
        : $"value of type {type}";

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
