using System.Net;

namespace IncidentBot.Discord.Rest;

/// <summary>Discord refused a call with a 4xx and its JSON error code (e.g. 50013 missing permissions, 160004 thread exists).</summary>
internal sealed class DiscordApiException : Exception
{
    public DiscordApiException(string route, HttpStatusCode status, int? code, string? discordMessage)
        : base($"Discord refused {route}: {(int)status} {code} {discordMessage}".TrimEnd())
    {
        Status = status;
        Code = code;
    }

    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }

    public int? Code { get; }
}
