using IncidentBot.Alerts.Inbound;
using IncidentBot.Core.Alerts;

namespace IncidentBot.Alerts.Tests.Inbound;

public sealed class PagerDutyFixtureTests
{
    public static TheoryData<string> Events => [..
        Fixture.Files("pagerduty/webhooks-v3/captured-zulip")
            .Append("pagerduty/webhooks-v3/docs/incident.priority_updated.json")
            .Append("pagerduty/webhooks-v3/docs/service.updated.json")
            .Append("pagerduty/webhooks-v3/signature-vector-go-pagerduty/body.json")];

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_webhook_fixture_parses(string file)
    {
        var (page, problem) = PagerDutyMapper.Map(Fixture.Bytes(file));

        Assert.Null(problem);
        Assert.NotNull(page);
        Assert.NotEmpty(page.EventId);
        if (page.Kind != PageEventKind.Other)
        {
            Assert.Matches("^[A-Z0-9]+$", page.IncidentId);
        }
    }

    [Fact]
    public void A_trigger_names_the_incident_its_urgency_and_assignees()
    {
        var (page, _) = PagerDutyMapper.Map(Fixture.Bytes("pagerduty/webhooks-v3/captured-zulip/incident.triggered.json"));

        Assert.Equal(PageEventKind.Triggered, page!.Kind);
        Assert.Equal("01BZYIL05THJDFF2Y08X9SVMTU", page.EventId);
        Assert.Equal("PFQZPSY", page.IncidentId);
        Assert.Equal("#9 Test Incident 3", page.Label);
        Assert.Equal("high", page.Urgency);
        Assert.Null(page.Priority);
        Assert.Equal("PIG 208", page.Agent);
        Assert.Equal(["PIG 208"], page.Assignees);
        Assert.Equal("https://pig208.pagerduty.com/incidents/PFQZPSY", page.Url);
    }

    [Fact]
    public void A_note_is_read_from_the_annotated_event_with_its_incident()
    {
        var (page, _) = PagerDutyMapper.Map(Fixture.Bytes("pagerduty/webhooks-v3/captured-zulip/incident.annotated.json"));

        Assert.Equal(PageEventKind.Annotated, page!.Kind);
        Assert.Equal("Q3B15VLMF3ASBD", page.IncidentId);
        Assert.Equal("Running KILL on long-running queries from the reporting-service.", page.Note);
        Assert.Equal("Harsh Santwani", page.Agent);
    }

    [Fact]
    public void Priority_and_other_resources_are_told_apart()
    {
        // The documented incident with a priority, as a trigger would carry it.
        var triggered = System.Text.Encoding.UTF8.GetString(Fixture.Bytes("pagerduty/webhooks-v3/docs/incident.priority_updated.json"))
            .Replace("incident.priority_updated", "incident.triggered", StringComparison.Ordinal);
        Assert.Equal("P1", PagerDutyMapper.Map(System.Text.Encoding.UTF8.GetBytes(triggered)).Page!.Priority);
        Assert.Equal(PageEventKind.Other, PagerDutyMapper.Map(Fixture.Bytes("pagerduty/webhooks-v3/docs/incident.priority_updated.json")).Page!.Kind);
        Assert.Equal(PageEventKind.Other, PagerDutyMapper.Map(Fixture.Bytes("pagerduty/webhooks-v3/docs/service.updated.json")).Page!.Kind);
        Assert.Equal(PageEventKind.Other, PagerDutyMapper.Map(Fixture.Bytes("pagerduty/webhooks-v3/captured-zulip/incident.escalated.json")).Page!.Kind);
    }

    [Theory]
    [InlineData("[]", "no event object")]
    [InlineData("{\"event\":{\"event_type\":\"incident.triggered\"}}", "event.id is missing")]
    [InlineData("{\"event\":{\"id\":\"E1\",\"occurred_at\":\"2026-01-01T00:00:00Z\"}}", "event.event_type is missing")]
    [InlineData("{\"event\":{\"id\":\"E1\",\"event_type\":\"incident.triggered\",\"resource_type\":\"incident\",\"occurred_at\":\"soon\"}}", "occurred_at")]
    [InlineData("{\"event\":{\"id\":\"E1\",\"event_type\":\"incident.triggered\",\"resource_type\":\"incident\",\"occurred_at\":\"2026-01-01T00:00:00Z\",\"data\":{}}}", "event.data.id is missing")]
    [InlineData("{\"event\":", "not JSON")]
    public void Malformed_events_are_refused_with_the_problem_named(string body, string problem)
    {
        var (page, error) = PagerDutyMapper.Map(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Null(page);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }
}
