using System.Globalization;
using IncidentBot.Core.Handling;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Core.Tests.Support;

/// <summary>
/// The use cases wired to the in-memory store and a fake clock, with helpers that build inbound records the
/// way a front end would. Every record gets a fresh dedup key unless the test passes one.
/// </summary>
internal sealed class IncidentHarness
{
    public const string IncidentsChannel = "C0INCIDENTS";

    /// <summary>Root and thread ids look like Slack timestamps; on Slack the thread id is the root's ts.</summary>
    private const string RootPrefix = "1776780000.0000";

    private int _keys;

    public IncidentHarness(IncidentPolicy? policy = null, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? Start);
        Policy = policy ?? IncidentPolicy.Default;
        Service = new IncidentService(Store, Policy, Time);
        Runner = new ReminderRunner(Store, Policy);
    }

    /// <summary>A Tuesday afternoon, UTC.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 4, 21, 14, 0, 0, TimeSpan.Zero);

    public static WorkspaceId Slack { get; } = new(Platform.Slack, "T0ACME");

    public static UserRef Alice { get; } = new("U0ALICE", "alice");

    public static UserRef Bob { get; } = new("U0BOB", "bob");

    public static UserRef Carol { get; } = new("U0CAROL", "carol");

    public FakeTimeProvider Time { get; }

    public InMemoryIncidentStore Store { get; } = new();

    public IncidentPolicy Policy { get; }

    public IncidentService Service { get; }

    public ReminderRunner Runner { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public static string Mention(UserRef user) => $"<@{user.Id}|{user.Name}>";

    public static string RootOf(IncidentId id) => $"{RootPrefix}{id.Number}";

    public static string ThreadOf(IncidentId id) => $"{RootPrefix}{id.Number}";

    public Incident Get(IncidentId id) => Store.Incident(id);

    public InboundContext Context(
        UserRef? user = null,
        string? thread = null,
        string channel = IncidentsChannel,
        WorkspaceId? workspace = null,
        DateTimeOffset? at = null,
        string? key = null) =>
        new(workspace ?? Slack, channel, thread, user ?? Alice, at ?? Now, key ?? NextKey());

    public Task<InboundOutcome> HandleAsync(InboundEvent inbound) =>
        Service.HandleAsync(inbound, TestContext.Current.CancellationToken);

    public Task<InboundOutcome> CommandAsync(
        string text,
        UserRef? user = null,
        string? thread = null,
        string channel = IncidentsChannel,
        WorkspaceId? workspace = null,
        string? replyHandle = null,
        string? incidentsChannel = null,
        string? key = null) =>
        HandleAsync(new CommandInvoked(Context(user, thread, channel, workspace, key: key), text, incidentsChannel, replyHandle));

    /// <summary>Declares an incident and delivers its root message and thread, as the outbox dispatcher would.</summary>
    public async Task<IncidentId> DeclareAsync(
        string text = "declare sev1 Checkout is down", UserRef? user = null, WorkspaceId? workspace = null, string channel = IncidentsChannel)
    {
        var outcome = await CommandAsync(text, user, channel: channel, workspace: workspace);
        Assert.Equal(InboundResult.Accepted, outcome.Result);
        var id = outcome.IncidentId!.Value;
        await Store.SetRootMessageAsync(id, RootOf(id));
        await Store.SetThreadAsync(id, ThreadOf(id));
        return id;
    }

    /// <summary>A command typed in the incident's thread (Slack: an app mention with <c>thread_ts</c>).</summary>
    public Task<InboundOutcome> InThreadAsync(IncidentId id, string text, UserRef? user = null) =>
        CommandAsync(text, user, thread: ThreadOf(id), channel: Get(id).ChannelId, workspace: Get(id).Workspace);

    public Task<InboundOutcome> SayAsync(IncidentId id, string messageId, string text, UserRef? user = null, DateTimeOffset? at = null) =>
        HandleAsync(new ThreadMessagePosted(Context(user, ThreadOf(id), Get(id).ChannelId, Get(id).Workspace, at), messageId, text));

    public Task<InboundOutcome> EditAsync(IncidentId id, string messageId, string text, UserRef? user = null) =>
        HandleAsync(new MessageEdited(Context(user, ThreadOf(id), Get(id).ChannelId, Get(id).Workspace), messageId, text));

    public Task<InboundOutcome> DeleteAsync(IncidentId id, string messageId, UserRef? user = null) =>
        HandleAsync(new MessageDeleted(Context(user, ThreadOf(id), Get(id).ChannelId, Get(id).Workspace), messageId));

    public Task<InboundOutcome> ReactAsync(IncidentId id, string messageId, Reaction reaction, UserRef? user = null, bool added = true)
    {
        var context = Context(user, messageId == RootOf(id) ? null : ThreadOf(id), Get(id).ChannelId, Get(id).Workspace);
        return HandleAsync(added ? new ReactionAdded(context, messageId, reaction) : new ReactionRemoved(context, messageId, reaction));
    }

    public Task<InboundOutcome> ClickAsync(IncidentId id, ButtonAction action, UserRef? user = null, WorkspaceId? workspace = null) =>
        HandleAsync(new ButtonClicked(Context(user, workspace: workspace ?? Slack), id, action));

    public Task<IReadOnlyList<SentReminder>> RunRemindersAsync() =>
        Runner.RunDueAsync(Now, TestContext.Current.CancellationToken);

    /// <summary>Intents queued for the incident after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<OutboundIntent> IntentsAfter(IncidentId id, int skip) => [.. Store.Intents(id).Skip(skip)];

    private string NextKey() => "key-" + (++_keys).ToString(CultureInfo.InvariantCulture);
}
