namespace IncidentBot.Core.Messaging;

/// <summary>The platform refused the call for good (bad channel, missing scope): retrying cannot help.</summary>
public sealed class PlatformRejectedException : Exception
{
    public PlatformRejectedException()
    {
    }

    public PlatformRejectedException(string message)
        : base(message)
    {
    }

    public PlatformRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
