namespace IncidentBot.Core.Messaging;

/// <summary>The platform could not take the call now (429, 5xx, timeout): keep the message and retry later.</summary>
public sealed class PlatformUnavailableException : Exception
{
    public PlatformUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner) => RetryAfter = retryAfter;

    public PlatformUnavailableException()
    {
    }

    public PlatformUnavailableException(string message)
        : base(message)
    {
    }

    public PlatformUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the platform asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
