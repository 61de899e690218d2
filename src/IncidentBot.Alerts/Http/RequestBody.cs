using Microsoft.AspNetCore.Http;

namespace IncidentBot.Alerts.Http;

/// <summary>Reads a webhook body whole, up to a limit, so an oversize post is refused before anything parses it.</summary>
internal static class RequestBody
{
    /// <summary>1 MiB: an Alertmanager group of hundreds of alerts fits; PagerDuty events are a few KiB.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
