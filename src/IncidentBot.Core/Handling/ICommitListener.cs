namespace IncidentBot.Core.Handling;

/// <summary>
/// Told once per committed group of inbound records that changed state, so the host wakes its loops once per
/// commit rather than once per input.
/// </summary>
public interface ICommitListener
{
    void Committed(int accepted);
}
