namespace IncidentBot.Storage.Copying;

/// <summary>
/// The copy was refused or failed; nothing was committed to the target. The message is one line for the operator,
/// naming what is wrong and what to do.
/// </summary>
public sealed class DatabaseCopyException : Exception
{
    public DatabaseCopyException()
    {
    }

    public DatabaseCopyException(string message)
        : base(message)
    {
    }

    public DatabaseCopyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
