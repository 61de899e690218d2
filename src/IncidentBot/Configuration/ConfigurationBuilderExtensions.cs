using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace IncidentBot.Configuration;

internal static class ConfigurationBuilderExtensions
{
    /// <summary>
    /// Adds <c>.env</c> from the working directory just below the environment variables, so a real environment
    /// variable always wins over the file (DESIGN.md §4), and command-line arguments win over both.
    /// </summary>
    public static IConfigurationBuilder AddDotEnv(this IConfigurationBuilder builder, string path)
    {
        var values = DotEnvFile.Read(path);
        if (values.Count == 0)
        {
            return builder;
        }

        var source = new MemoryConfigurationSource { InitialData = values };
        var sources = builder.Sources;
        var index = -1;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            sources.Insert(0, source);
        }
        else
        {
            sources.Insert(index, source);
        }

        return builder;
    }

    /// <summary>
    /// Reads the <c>appsettings.json</c> shipped beside the binary under every other source, so environment variables,
    /// <c>.env</c> and the command line still win. The host's own lookup is in the content root, which is the working
    /// directory: the image's <c>/app</c>, but the repository root under <c>dotnet run</c> (for <c>.env</c> and
    /// <c>data/</c>), where there is none.
    /// </summary>
    /// <remarks>
    /// The shipped defaults: each incoming request, each outgoing call (with its URL, which for a <c>response_url</c>
    /// is a credential) and each retry attempt with its stack trace would otherwise be logged, and so would each input
    /// (its line is Debug). The bot logs what matters once, with the incident it concerns, and an operator reading
    /// the log during a SEV1 should see those lines.
    /// </remarks>
    public static IConfigurationBuilder AddShippedSettings(this IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
        return configuration;
    }
}
