namespace IncidentBot.Core.Persistence;

/// <summary>The database cannot take writes (disk full). Nothing was written; front ends tell the user so.</summary>
public sealed class StorageFullException : Exception
{
    public StorageFullException()
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }

    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
