using IncidentBot.Core.Alerts;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.Reminders;
using IncidentBot.Core.Tests.Support;
using static IncidentBot.Core.Tests.Support.IncidentHarness;

namespace IncidentBot.Core.Tests.Alerts;

/// <summary>
/// An incident an alert declared is commanded by the alerting system until a person steps in: nobody to mention, so
/// the first person to acknowledge takes command, and until then reminders go to the escalation target.
/// </summary>
public sealed class AlertCommanderTests
{
    private static readonly UserRef PagerDutyMaria = new("pagerduty:Maria", "Maria");

    [Fact]
    public async Task The_first_person_to_acknowledge_an_alert_declared_incident_becomes_its_commander()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync(user: AlertSenders.Alertmanager);
        var before = bot.Store.Intents(id).Count;

        await bot.CommandAsync($"ack {id}", Bob);

        var incident = bot.Get(id);
        Assert.Equal((Bob, Bob), (incident.Commander, incident.AcknowledgedBy));
        Assert.DoesNotContain(incident.Responders, r => r.Id == Bob.Id);
        Assert.Contains(bot.Store.Timeline(id), e => e.Kind == TimelineKind.CommanderChanged && e.Text == "Commander: Alertmanager → bob");
        var message = Assert.IsType<PostThreadMessage>(bot.IntentsAfter(id, before)[0]).Content;
        Assert.Equal("✅ Acknowledged by @U0BOB after 0 s. @U0BOB is now the commander; `commander @someone` hands it on.", message.ToPlainText());
    }

    [Fact]
    public async Task A_PagerDuty_acknowledgement_leaves_command_open_and_reminders_go_to_the_escalation_target()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync(user: AlertSenders.PagerDuty);
        await bot.CommandAsync($"ack {id}", PagerDutyMaria);
        Assert.Equal(AlertSenders.PagerDuty, bot.Get(id).Commander);
        var before = bot.Store.Intents(id).Count;

        bot.Time.Advance(TimeSpan.FromMinutes(15));
        var sent = await bot.RunRemindersAsync();

        Assert.Equal(ReminderKind.Update, Assert.Single(sent).Kind);
        var reminder = Assert.IsType<PostThreadMessage>(bot.IntentsAfter(id, before)[0]).Content;
        Assert.IsType<EscalationMention>(reminder.Inlines[0]);
        Assert.DoesNotContain(reminder.Inlines, i => i is UserMention);
    }

    [Fact]
    public async Task A_person_declared_incident_keeps_its_commander_when_someone_else_acknowledges()
    {
        var bot = new IncidentHarness();
        var id = await bot.DeclareAsync(user: Alice);

        await bot.CommandAsync($"ack {id}", Bob);

        Assert.Equal((Alice, Bob), (bot.Get(id).Commander, bot.Get(id).AcknowledgedBy));
        Assert.DoesNotContain(bot.Store.Timeline(id), e => e.Kind == TimelineKind.CommanderChanged);
    }
}
