using System.Globalization;
using IncidentBot.Core.Alerts;
using IncidentBot.Core.Diagnostics;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Rendering;
using IncidentBot.Discord.Rest;
using IncidentBot.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Inbound;

/// <summary>
/// Maps an interaction (slash command, button, modal submit) to Core and decides the answer, which must reach
/// Discord within 3 seconds (https://docs.discord.com/developers/interactions/receiving-and-responding):
/// command results and errors as ephemeral messages, a modal for Post update, a deferred component update for
/// the other buttons (the status doc is then edited in place by the outbox) with the result as an ephemeral
/// follow-up. Repeats of one interaction id change state once (DedupKey <c>interaction:{id}</c>).
/// </summary>
internal sealed class DiscordInteractionHandler(
    IServiceScopeFactory scopes,
    IOptions<DiscordOptions> options,
    DiscordMessageRenderer renderer,
    DiscordText plain,
    PlatformMetrics metrics,
    TimeProvider time)
{
    public const int Ephemeral = 1 << 6;

    private const int Pong = 1;
    private const int ChannelMessage = 4;
    private const int DeferredUpdate = 6;
    private const int Modal = 9;
    private const string UpdateInput = "text";

    public async Task<InteractionReply> HandleAsync(Interaction interaction, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Type == 1)
        {
            return new InteractionReply(new InteractionResponse(Pong, null), null, null);
        }

        if (interaction.GuildId is not { Length: > 0 } guild
            || DiscordUsers.FromMember(interaction.Member, interaction.User) is not { } user
            || interaction.ChannelId is not { Length: > 0 } channel)
        {
            metrics.Inbound(Platform.Discord, source, "invalid");
            return Message("IncidentBot runs incidents in a server channel; use `/incident` there.");
        }

        var context = new InboundContext(
            new WorkspaceId(Platform.Discord, guild), channel, channel, user, time.GetUtcNow(), $"interaction:{interaction.Id}");
        return interaction.Type switch
        {
            2 => await CommandAsync(interaction, context, source, cancellationToken),
            3 => await ButtonAsync(interaction, context, source, cancellationToken),
            5 => await ModalSubmitAsync(interaction, context, source, cancellationToken),
            _ => Invalid(source, "That kind of interaction is not supported."),
        };
    }

    private async Task<InteractionReply> CommandAsync(Interaction interaction, InboundContext context, string source, CancellationToken cancellationToken)
    {
        if (interaction.Data is not { } data)
        {
            return Invalid(source, "The command arrived without its options.");
        }

        var (text, problem) = CommandComposer.Compose(data);
        if (text is null)
        {
            return Invalid(source, problem!);
        }

        var incidentsChannel = options.Value.IncidentsChannel is { Length: > 0 } configured ? configured : null;
        var outcome = await InvokeAsync(new CommandInvoked(context, plain.ToPlain(text), incidentsChannel, interaction.Token), source, cancellationToken);
        return outcome.Result == InboundResult.Duplicate
            ? Message("That command was already handled.")
            : Message(outcome.Reply ?? MessageContent.Plain("Done."));
    }

    private async Task<InteractionReply> ButtonAsync(Interaction interaction, InboundContext context, string source, CancellationToken cancellationToken)
    {
        if (interaction.Data?.CustomId is { } customId && customId.StartsWith(ButtonIds.DeclareAlert + ":", StringComparison.Ordinal)
            && long.TryParse(customId.AsSpan(ButtonIds.DeclareAlert.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var noticeId))
        {
            var declared = await InvokeAsync(new AlertDeclareClicked(context, noticeId), source, cancellationToken);
            return Message(declared.Reply ?? MessageContent.Plain("Done."));
        }

        if (!ButtonIds.TryParse(interaction.Data?.CustomId, out var name, out var incident) || ButtonActionNames.Parse(name) is not { } action)
        {
            return Invalid(source, "That button is not one of IncidentBot's.");
        }

        if (action == ButtonAction.PostUpdate)
        {
            metrics.Inbound(Platform.Discord, source, "accepted");
            return new InteractionReply(new InteractionResponse(Modal, UpdateModal(incident)), null, null);
        }

        var outcome = await InvokeAsync(new ButtonClicked(context, incident, action), source, cancellationToken);
        return outcome.Result switch
        {
            InboundResult.Refused => Message(outcome.Reply ?? MessageContent.Plain("That did not work.")),
            _ when outcome.Reply is { } reply => new InteractionReply(
                new InteractionResponse(DeferredUpdate, null), null, EphemeralPayload(reply).Payload),
            _ => new InteractionReply(new InteractionResponse(DeferredUpdate, null), null, null),
        };
    }

    private async Task<InteractionReply> ModalSubmitAsync(Interaction interaction, InboundContext context, string source, CancellationToken cancellationToken)
    {
        if (!ButtonIds.TryParse(interaction.Data?.CustomId, out var name, out var incident) || name != ButtonIds.UpdateModal)
        {
            return Invalid(source, "That form is not one of IncidentBot's.");
        }

        var text = FindValue(interaction.Data?.Components, UpdateInput)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Invalid(source, "The update was empty; nothing was posted.");
        }

        var outcome = await InvokeAsync(new CommandInvoked(context, $"update {incident} {text}", null, interaction.Token), source, cancellationToken);
        return outcome.Result == InboundResult.Duplicate
            ? Message("That update was already posted.")
            : Message(outcome.Reply ?? MessageContent.Plain("Update posted."));
    }

    private async Task<InboundOutcome> InvokeAsync(InboundEvent inbound, string source, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IInboundHandler>()
            .HandleAsync(inbound with { Context = inbound.Context with { Source = source } }, cancellationToken);
    }

    private InteractionReply Invalid(string source, string problem)
    {
        metrics.Inbound(Platform.Discord, source, "invalid");
        return Message(problem);
    }

    private InteractionReply Message(string text) => Message(MessageContent.Plain(text));

    private InteractionReply Message(MessageContent content)
    {
        var (payload, file) = EphemeralPayload(content);
        return new InteractionReply(new InteractionResponse(ChannelMessage, payload), file, null);
    }

    /// <summary>An ephemeral message; a reply too long for one message goes along as a text file instead of being cut.</summary>
    private (MessagePayload Payload, OutgoingFile? File) EphemeralPayload(MessageContent content)
    {
        var parts = renderer.Render(content, null);
        if (parts.Count == 1)
        {
            return (new MessagePayload { Content = parts[0].Content, Flags = Ephemeral, AllowedMentions = AllowedMentions.None }, null);
        }

        const string note = "\n… the full reply is in the attached reply.txt.";
        var head = renderer.Render(content, null, DiscordLimits.Content - note.Length)[0].Content + note;
        var file = new OutgoingFile("reply.txt", System.Text.Encoding.UTF8.GetBytes(content.ToPlainText()));
        return (new MessagePayload { Content = head, Flags = Ephemeral, AllowedMentions = AllowedMentions.None }, file);
    }

    private static MessagePayload UpdateModal(IncidentId incident) => new()
    {
        CustomId = $"{ButtonIds.UpdateModal}:{incident}",
        Title = $"Post an update to {incident}",
        Components =
        [
            new WireComponent
            {
                Type = 18,
                Label = "Update",
                Component = new WireComponent
                {
                    Type = 4,
                    CustomId = UpdateInput,
                    Style = 2,
                    MinLength = 1,
                    MaxLength = IncidentLimits.TextMax,
                    Required = true,
                    Placeholder = "What changed, what is next",
                },
            },
        ],
    };

    /// <summary>Finds a text input's value in either layout: Label (18) around the input, or the legacy action row.</summary>
    private static string? FindValue(IReadOnlyList<WireComponent>? components, string customId)
    {
        foreach (var component in components ?? [])
        {
            if (component.CustomId == customId && component.Value is { } value)
            {
                return value;
            }

            var nested = component.Component is { } inner ? FindValue([inner], customId) : FindValue(component.Components, customId);
            if (nested is not null)
            {
                return nested;
            }
        }

        return null;
    }
}
