using IncidentBot.Core.Incidents;
using IncidentBot.Core.Messaging;
using IncidentBot.Core.StatusDocs;
using IncidentBot.Discord.Rendering;
using IncidentBot.Discord.Wire;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class StatusDocRendererTests
{
    private static readonly DateTimeOffset Declared = new(2026, 4, 18, 14, 23, 0, TimeSpan.Zero);

    [Fact]
    public void The_status_doc_is_an_embed_shaped_like_the_runbook_with_its_buttons()
    {
        var payload = StatusDocRenderer.Render(Doc("Block rate jumped to 18%", "~12 customers", "rolling out hotfix"));

        var embed = Assert.Single(payload.Embeds!);
        Assert.Equal("[SEV2] Pipeline blocks spiking", embed.Title);
        Assert.Contains($"declared <t:{Declared.ToUnixTimeSeconds()}:f>", embed.Description, StringComparison.Ordinal);
        Assert.Contains("**Timeline (newest first)**", embed.Description, StringComparison.Ordinal);
        Assert.Equal(["What's happening", "Impact", "Current status", "Commander", "Acknowledged by", "Severity clock"], embed.Fields!.Select(f => f.Name));
        Assert.Equal("INVESTIGATING — rolling out hotfix", embed.Fields![2].Value);
        Assert.Equal("<@111111111111111111>", embed.Fields[3].Value);
        Assert.StartsWith("Next update due <t:", embed.Fields[5].Value, StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", System.Text.Json.JsonSerializer.Serialize(payload.AllowedMentions, DiscordJsonContext.Default.AllowedMentions));
        Assert.Equal(["ack:INC-42", "take_command:INC-42", "post_update:INC-42", "resolve:INC-42"], payload.Components![0].Components!.Select(c => c.CustomId));
    }

    [Fact]
    public void Huge_fields_stay_within_every_embed_limit_and_say_they_were_shortened()
    {
        var huge = new string('*', 3000);
        var recent = Enumerable.Range(0, 10).Select(i => new StatusDocEntry(Declared.AddMinutes(i), "Ana", new string('_', 200), i % 2 == 0)).ToList();

        var embed = Assert.Single(StatusDocRenderer.Render(Doc(huge, huge, huge) with { Recent = recent }).Embeds!);

        Assert.InRange(embed.Description!.Length, 1, 4096);
        Assert.All(embed.Fields!, f => Assert.InRange(f.Value.Length, 1, 1024));
        var total = embed.Title!.Length + embed.Description.Length + embed.Fields!.Sum(f => f.Name.Length + f.Value.Length) + embed.Footer!.Text.Length;
        Assert.InRange(total, 1, 6000);
        Assert.EndsWith("(shortened; full text in the thread)", embed.Fields![0].Value, StringComparison.Ordinal);
        Assert.Contains("older entr", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_incident_loses_its_buttons()
    {
        var payload = StatusDocRenderer.Render(Doc(null, null, null) with { Status = IncidentStatus.Closed, Buttons = [] });

        Assert.NotNull(payload.Components);
        Assert.Empty(payload.Components);
        Assert.Contains("CLOSED", payload.Embeds![0].Description, StringComparison.Ordinal);
    }

    private static StatusDoc Doc(string? what, string? impact, string? status) => new(
        new IncidentId(42),
        "[SEV2] Pipeline blocks spiking",
        Severity.Sev2,
        IncidentStatus.Investigating,
        Declared,
        what,
        impact,
        status,
        new UserRef("111111111111111111", "Jens"),
        null,
        null,
        Declared.AddMinutes(30),
        Declared.AddMinutes(15),
        [new StatusDocEntry(Declared, "Jens", "Declared [SEV2] Pipeline blocks spiking", false)],
        [ButtonAction.Acknowledge, ButtonAction.TakeCommand, ButtonAction.PostUpdate, ButtonAction.Resolve]);
}
