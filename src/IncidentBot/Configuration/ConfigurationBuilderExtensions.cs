using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

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
}
