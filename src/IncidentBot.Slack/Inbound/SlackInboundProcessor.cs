using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Slack.Background;
using IncidentBot.Slack.Configuration;
using IncidentBot.Slack.Diagnostics;
using IncidentBot.Slack.Outbound;
using IncidentBot.Slack.Reactions;
using IncidentBot.Slack.Rendering;
using IncidentBot.Slack.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Maps authenticated Slack payloads (from HTTP or Socket Mode alike) to Core's inbound records, hands them to
/// <see cref="IInboundHandler"/> and returns what to answer Slack with at once. No Web API call happens here:
/// modals and private answers go to <see cref="SlackBackgroundQueue"/>, everything else Core puts in the outbox.
/// Each record carries the natural key of DESIGN.md §5, so a retried or repeated delivery changes nothing.
/// </summary>
internal sealed partial class SlackInboundProcessor(
    IServiceScopeFactory scopes,
    SlackBotIdentity identity,
    SlackUserDirectory users,
    SlackBackgroundQueue background,
    SlackEscalation escalation,
    SlackReactions reactions,
    PlatformMetrics metrics,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInboundProcessor> logger)
{
    /// <summary>The one slash command, as declared in <c>manifests/slack/</c>.</summary>
    public const string Command = "/incident";

    private readonly SlackOptions _options = options.Value;

    /// <summary>A slash command; returns the ephemeral reply body, or null for an empty 200.</summary>
    public async Task<SlackReply?> CommandAsync(SlashCommandPayload command, string source, CancellationToken cancellationToken)
    {
        if (command is not { TeamId: { Length: > 0 } team, ChannelId: { Length: > 0 } channel, UserId: { Length: > 0 } userId, TriggerId: { Length: > 0 } trigger })
        {
            metrics.Inbound(Platform.Slack, source, "invalid");
            return Reply(MessageContent.Plain("That command arrived incomplete; please try again."), command.ChannelId ?? string.Empty);
        }

        if (command.Command is { } name && name != Command)
        {
            // Another command pointed at this URL by mistake: not ours to interpret.
            metrics.Inbound(Platform.Slack, source, "ignored");
            return Reply(MessageContent.Plain($"IncidentBot answers {Command} only, not {name}."), channel);
        }

        var text = command.Text ?? string.Empty;
        if (text.Trim().Equals("declare", StringComparison.OrdinalIgnoreCase))
        {
            // `/incident declare` alone opens the Declare form; the trigger id is valid for 3 seconds.
            background.Enqueue(new OpenView(trigger, BlockKitRenderer.DeclareModal(channel)));
            metrics.Inbound(Platform.Slack, source, "accepted");
            return null;
        }

        var user = new UserRef(userId, users.Name(userId, command.UserName));
        var context = new InboundContext(new WorkspaceId(Platform.Slack, team), channel, null, user,
            time.GetUtcNow(), $"cmd:{trigger}");
        var inbound = new CommandInvoked(context, SlackText.ForCommand(text), IncidentsChannel, command.ResponseUrl);
        var outcome = await HandleAsync(inbound, source, cancellationToken);
        return outcome.Reply is { } reply ? Reply(reply, channel) : null;
    }

    /// <summary>An Events API callback (the body of <c>/slack/events</c> or an <c>events_api</c> envelope).</summary>
    public async Task EventAsync(EventEnvelope envelope, string source, CancellationToken cancellationToken)
    {
        if (envelope.Type == "app_rate_limited")
        {
            // Slack drops events past 30,000 per workspace per hour; those replies return through the catch-up.
            logger.EventsRateLimited(envelope.MinuteRateLimited ?? 0);
            metrics.Inbound(Platform.Slack, source, "ignored");
            return;
        }

        if (envelope.Type != "event_callback" || envelope.Event is not { } ev || string.IsNullOrEmpty(envelope.TeamId))
        {
            metrics.Inbound(Platform.Slack, source, "invalid");
            return;
        }

        identity.Learn(envelope.Authorizations);
        var workspace = new WorkspaceId(Platform.Slack, envelope.TeamId);
        if (SlackEventMapper.Map(workspace, ev, Reading()) is not { } inbound)
        {
            metrics.Inbound(Platform.Slack, source, "ignored");
            return;
        }

        var outcome = await HandleAsync(inbound, source, cancellationToken);
        if (inbound is CommandInvoked mention && outcome.Reply is { } reply)
        {
            background.Enqueue(new PostEphemeral(mention.Context.ChannelId, mention.Context.User.Id, mention.Context.ThreadId, reply));
        }
    }

    /// <summary>
    /// A thread reply read back with <c>conversations.replies</c> after the bot was away: recorded like the
    /// event would have been, under the same natural key, so one already seen is a duplicate.
    /// </summary>
    public async Task CatchUpAsync(WorkspaceId workspace, string channel, string threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        if (SlackEventMapper.FromHistory(workspace, channel, threadTs, message, Reading()) is { } posted)
        {
            await HandleAsync(posted, source: null, cancellationToken);
        }
    }

    /// <summary>
    /// The reactions a thread read lists on one message (the status doc's acknowledgements, a reply's key event), as
    /// reactions added: those made while no event could reach the bot count too.
    /// </summary>
    public async Task CatchUpReactionsAsync(WorkspaceId workspace, string channel, SlackMessage message, CancellationToken cancellationToken)
    {
        foreach (var added in SlackEventMapper.ReactionsOn(workspace, channel, message, Reading()))
        {
            await HandleAsync(added, source: null, cancellationToken);
        }
    }

    /// <summary>An interaction payload; returns the body to answer with (e.g. modal errors), or null for an empty 200.</summary>
    public async Task<SlackReply?> InteractionAsync(InteractionPayload payload, string source, CancellationToken cancellationToken)
    {
        var team = payload.Team?.Id ?? payload.User?.TeamId;
        if (string.IsNullOrEmpty(team) || payload.User?.Id is not { Length: > 0 } userId)
        {
            metrics.Inbound(Platform.Slack, source, "invalid");
            return null;
        }

        var workspace = new WorkspaceId(Platform.Slack, team);
        var user = new UserRef(userId, users.Name(userId, payload.User.Name ?? payload.User.Username));
        return payload.Type switch
        {
            "block_actions" => await BlockActionAsync(workspace, user, payload, source, cancellationToken),
            "view_submission" => await ViewSubmissionAsync(workspace, user, payload, source, cancellationToken),
            _ => Ignored(source),
        };
    }

    private string? IncidentsChannel => string.IsNullOrWhiteSpace(_options.IncidentsChannel) ? null : _options.IncidentsChannel;

    private SlackEventMapper.Reading Reading() => new(identity, (id, fallback) => users.Name(id, fallback), reactions, IncidentsChannel, time.GetUtcNow());

    private SlackReply? Ignored(string source)
    {
        metrics.Inbound(Platform.Slack, source, "ignored");
        return null;
    }

    private async Task<SlackReply?> BlockActionAsync(
        WorkspaceId workspace, UserRef user, InteractionPayload payload, string source, CancellationToken cancellationToken)
    {
        if (payload.Actions is [var declare, ..] && declare.ActionId == SlackActionIds.DeclareAlert)
        {
            return await DeclareAlertAsync(workspace, user, payload, declare, source, cancellationToken);
        }

        if (payload.Actions is not [var clicked, ..]
            || ButtonActionNames.Parse(clicked.ActionId) is not { } action
            || !IncidentId.TryParse(clicked.Value, out var incident)
            || payload.TriggerId is not { Length: > 0 } trigger)
        {
            return Ignored(source);
        }

        var channel = payload.Container?.ChannelId ?? payload.Channel?.Id ?? string.Empty;
        if (action == ButtonAction.PostUpdate)
        {
            background.Enqueue(new OpenView(trigger, BlockKitRenderer.PostUpdateModal(incident, channel)));
            metrics.Inbound(Platform.Slack, source, "accepted");
            return null;
        }

        var at = SlackTime.Parse(clicked.ActionTs) ?? time.GetUtcNow();
        var thread = payload.Container?.ThreadTs ?? payload.Message?.ThreadTs;
        var context = new InboundContext(workspace, channel, thread, user, at, $"action:{trigger}");
        var outcome = await HandleAsync(new ButtonClicked(context, incident, action), source, cancellationToken);
        if (outcome.Reply is { } reply)
        {
            if (Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUrl))
            {
                background.Enqueue(new RespondToUrl(responseUrl, channel, reply));
            }
            else if (channel.Length > 0)
            {
                background.Enqueue(new PostEphemeral(channel, user.Id, thread, reply));
            }
        }

        return null;
    }

    private async Task<SlackReply?> ViewSubmissionAsync(
        WorkspaceId workspace, UserRef user, InteractionPayload payload, string source, CancellationToken cancellationToken)
    {
        if (payload.View is not { Id: { Length: > 0 } viewId } view)
        {
            return Ignored(source);
        }

        var key = $"view:{viewId}:{view.Hash}";
        switch (view.CallbackId)
        {
            case SlackActionIds.PostUpdateModal:
                {
                    var metadata = (view.PrivateMetadata ?? string.Empty).Split('|', 2);
                    var text = Input(view, SlackActionIds.UpdateBlock)?.Value?.Trim();
                    if (!IncidentId.TryParse(metadata[0], out var incident) || string.IsNullOrEmpty(text))
                    {
                        return Ignored(source);
                    }

                    var channel = metadata.Length > 1 ? metadata[1] : string.Empty;
                    var context = new InboundContext(workspace, channel, null, user, time.GetUtcNow(), key);
                    var outcome = await HandleAsync(new CommandInvoked(context, $"update {incident} {text}", IncidentsChannel, null), source, cancellationToken);
                    return outcome.Result == InboundResult.Refused && outcome.Reply is { } refusal
                        ? BlockKitRenderer.ViewErrors(SlackActionIds.UpdateBlock, refusal.ToPlainText())
                        : null;
                }

            case SlackActionIds.DeclareModal:
                {
                    var channel = view.PrivateMetadata ?? string.Empty;
                    var severity = Input(view, SlackActionIds.SeverityBlock)?.SelectedOption?.Value;
                    var title = Input(view, SlackActionIds.TitleBlock)?.Value?.Trim();
                    if (channel.Length == 0 || severity is null || string.IsNullOrEmpty(title))
                    {
                        return Ignored(source);
                    }

                    var commander = Input(view, SlackActionIds.CommanderBlock)?.SelectedUser;
                    var text = $"declare {severity} {title}" + (commander is { Length: > 0 } c ? $" commander <@{c}>" : string.Empty);
                    var context = new InboundContext(workspace, channel, null, user, time.GetUtcNow(), key);
                    var handle = new SlackReplyHandle(channel, user.Id, null).ToString();
                    var outcome = await HandleAsync(new CommandInvoked(context, text, IncidentsChannel, handle), source, cancellationToken);
                    if (outcome.Result == InboundResult.Refused && outcome.Reply is { } refusal)
                    {
                        return BlockKitRenderer.ViewErrors(SlackActionIds.TitleBlock, refusal.ToPlainText());
                    }

                    if (outcome.Reply is { } reply)
                    {
                        background.Enqueue(new PostEphemeral(channel, user.Id, null, reply));
                    }

                    return null;
                }

            default:
                return Ignored(source);
        }
    }

    private static ViewStateValue? Input(SlackView view, string block) =>
        view.State?.Values is { } values && values.TryGetValue(block, out var actions)
        && actions.TryGetValue(SlackActionIds.InputAction, out var value)
            ? value
            : null;

    private CommandReply Reply(MessageContent content, string channel) =>
        BlockKitRenderer.CommandReply(content, new SlackRenderContext(escalation.Markup, channel, null));

    /// <summary>Hands a record to Core; <paramref name="source"/> tags the inbound metric the host counts (null: not an inbound request).</summary>
    private async Task<InboundOutcome> HandleAsync(InboundEvent inbound, string? source, CancellationToken cancellationToken)
    {
        // A full store is the host's to answer (SignallingInboundHandler refuses a command with a reply saying so),
        // and the host counts the outcome from the source on the context.
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<IInboundHandler>();
        return await handler.HandleAsync(inbound with { Context = inbound.Context with { Source = source } }, cancellationToken);
    }
}
