using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Incidents;

/// <summary>DESIGN.md §1: Investigating → Identified → Monitoring → Resolved → Closed, reopen back to Investigating.</summary>
public sealed class IncidentLifecycleTests
{
    private static IncidentId Id { get; } = new(7);

    public static TheoryData<IncidentStatus, IncidentStatus> LegalMoves { get; } = new()
    {
        { IncidentStatus.Investigating, IncidentStatus.Identified },
        { IncidentStatus.Investigating, IncidentStatus.Monitoring },
        { IncidentStatus.Investigating, IncidentStatus.Resolved },
        { IncidentStatus.Identified, IncidentStatus.Investigating },
        { IncidentStatus.Identified, IncidentStatus.Monitoring },
        { IncidentStatus.Identified, IncidentStatus.Resolved },
        { IncidentStatus.Monitoring, IncidentStatus.Investigating },
        { IncidentStatus.Monitoring, IncidentStatus.Identified },
        { IncidentStatus.Monitoring, IncidentStatus.Resolved },
        { IncidentStatus.Resolved, IncidentStatus.Closed },
        { IncidentStatus.Resolved, IncidentStatus.Investigating },
        { IncidentStatus.Closed, IncidentStatus.Investigating },
    };

    /// <summary>Every illegal pair and the command its refusal must offer as the way forward.</summary>
    public static TheoryData<IncidentStatus, IncidentStatus, string> IllegalMoves { get; } = new()
    {
        { IncidentStatus.Investigating, IncidentStatus.Investigating, "`update INC-7 <text>`" },
        { IncidentStatus.Identified, IncidentStatus.Identified, "`update INC-7 <text>`" },
        { IncidentStatus.Monitoring, IncidentStatus.Monitoring, "`update INC-7 <text>`" },
        { IncidentStatus.Investigating, IncidentStatus.Closed, "`resolve INC-7`" },
        { IncidentStatus.Identified, IncidentStatus.Closed, "`resolve INC-7`" },
        { IncidentStatus.Monitoring, IncidentStatus.Closed, "`resolve INC-7`" },
        { IncidentStatus.Resolved, IncidentStatus.Identified, "`reopen INC-7`" },
        { IncidentStatus.Resolved, IncidentStatus.Monitoring, "`reopen INC-7`" },
        { IncidentStatus.Resolved, IncidentStatus.Resolved, "`close INC-7`" },
        { IncidentStatus.Closed, IncidentStatus.Identified, "`reopen INC-7`" },
        { IncidentStatus.Closed, IncidentStatus.Monitoring, "`reopen INC-7`" },
        { IncidentStatus.Closed, IncidentStatus.Resolved, "`reopen INC-7`" },
        { IncidentStatus.Closed, IncidentStatus.Closed, "`reopen INC-7`" },
    };

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void A_legal_move_is_allowed(IncidentStatus from, IncidentStatus to) =>
        Assert.True(IncidentLifecycle.CanMove(from, to));

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void An_illegal_move_is_refused_with_the_current_status_and_the_fix(IncidentStatus from, IncidentStatus to, string fix)
    {
        var refusal = IncidentLifecycle.Refusal(Id, from, to);

        Assert.False(IncidentLifecycle.CanMove(from, to));
        Assert.StartsWith($"INC-7 is {(from == to ? "already " : string.Empty)}{from}", refusal, StringComparison.Ordinal);
        Assert.Contains(fix, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_two_tables_cover_every_pair_of_statuses_exactly_once()
    {
        var legal = LegalMoves.Select(row => (row.Data.Item1, row.Data.Item2));
        var illegal = IllegalMoves.Select(row => (row.Data.Item1, row.Data.Item2));
        var all = Enum.GetValues<IncidentStatus>().SelectMany(from => Enum.GetValues<IncidentStatus>().Select(to => (from, to)));

        Assert.Equal(all.Order(), legal.Concat(illegal).Order());
    }

    [Theory]
    [InlineData(IncidentStatus.Investigating, true)]
    [InlineData(IncidentStatus.Identified, true)]
    [InlineData(IncidentStatus.Monitoring, true)]
    [InlineData(IncidentStatus.Resolved, false)]
    [InlineData(IncidentStatus.Closed, false)]
    public void Only_the_three_working_states_are_active(IncidentStatus status, bool active) =>
        Assert.Equal(active, status.IsActive());
}
