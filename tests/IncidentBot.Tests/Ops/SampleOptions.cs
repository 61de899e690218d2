using Microsoft.Extensions.Configuration;

namespace IncidentBot.Tests.Ops;

/// <summary>An options class of every shape the binder walks, to check <see cref="OptionsKeys"/> itself.</summary>
internal sealed class SampleOptions
{
    public const string Section = "Sample";

    public string? Token { get; set; }

    public TimeSpan Every { get; init; }

    public Dictionary<string, SampleClockOptions> Clocks { get; set; } = new() { ["SEV1"] = new(), ["SEV2"] = new() };

    public string[] Emoji { get; set; } = [];

    public SampleClockOptions Nested { get; } = new();

    [ConfigurationKeyName("Base_Url")]
    public Uri? BaseUrl { get; set; }

    public string Computed => Token ?? string.Empty;
}
