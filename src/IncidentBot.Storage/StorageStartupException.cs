namespace IncidentBot.Storage;

/// <summary>
/// The database cannot be used by this build (for instance it was written by a newer version). The message
/// is one line for the operator, naming what to do; print it and stop.
/// </summary>
public sealed class StorageStartupException : Exception
{
    public StorageStartupException()
    {
    }

    public StorageStartupException(string message)
        : base(message)
    {
    }

    public StorageStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
