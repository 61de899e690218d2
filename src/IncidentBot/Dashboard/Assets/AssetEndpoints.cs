using System.Reflection;
using System.Security.Cryptography;

namespace IncidentBot.Dashboard.Assets;

/// <summary>
/// The stylesheet and the script, embedded in the assembly: no build step and no static-files folder to find,
/// whatever directory the bot runs from. An ETag lets browsers revalidate cheaply.
/// </summary>
internal static class AssetEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "/dashboard.css", "dashboard.css", "text/css; charset=utf-8");
        Map(endpoints, "/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8");
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, string name, string contentType)
    {
        var bytes = Read(name);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"";
        endpoints.MapGet(path, (HttpContext context) =>
        {
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "no-cache";
            return context.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(bytes, contentType);
        });
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("IncidentBot.Dashboard.Assets." + name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded in the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
