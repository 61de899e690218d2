using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>The entry point the host calls to register the optional directory export.</summary>
internal static class PostmortemExportSetup
{
    public static IServiceCollection AddPostmortemExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PostmortemOptions>().Bind(configuration.GetSection(PostmortemOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostmortemOptions>, PostmortemOptionsValidator>());
        services.TryAddSingleton<PostmortemExporter>();
        return services;
    }
}
