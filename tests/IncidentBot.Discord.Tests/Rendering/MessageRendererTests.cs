using IncidentBot.Core.Messaging;
using IncidentBot.Discord.Configuration;
using IncidentBot.Discord.Rendering;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class MessageRendererTests
{
    private readonly DiscordMessageRenderer _renderer = new(EscalationTarget.None);

    [Theory]
    [InlineData("**bold** _it_ ~~s~~ `c` ||spoiler||", @"\*\*bold\*\* \_it\_ \~\~s\~\~ \`c\` \|\|spoiler\|\|")]
    [InlineData("<@123> <@&456> <t:1:R> [x](https://evil)", @"\<@123> \<@&456> \<t:1:R> \[x\](https://evil)")]
    [InlineData("# header\n> quote\n- item", "\\# header\n\\> quote\n\\- item")]
    [InlineData("a-b # c > d", "a-b # c > d")]
    [InlineData(@"C:\path", @"C:\\path")]
    public void User_text_is_escaped_so_it_renders_as_typed(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
    }

    [Fact]
    public void Links_stay_whole_so_they_still_work()
    {
        Assert.Equal(@"see https://grafana.example/d/abc_def?x=1 and \_this\_", DiscordMarkdown.Escape("see https://grafana.example/d/abc_def?x=1 and _this_"));
    }

    [Fact]
    public void Everyone_and_here_cannot_ping_even_as_text()
    {
        Assert.Equal("@\u200Beveryone @\u200Bhere", DiscordMarkdown.Escape("@everyone @here"));
    }

    [Fact]
    public void Times_render_in_each_readers_zone_and_mentions_are_listed_to_ping()
    {
        var at = new DateTimeOffset(2026, 4, 18, 14, 53, 0, TimeSpan.Zero);
        var content = new MessageBuilder().Mention("123456789012345678").Text(" next update due ").Time(at).Text(" (").Time(at, TimestampStyle.Relative).Text(")").Build();

        var message = Assert.Single(_renderer.Render(content, null));

        Assert.Equal($"<@123456789012345678> next update due <t:{at.ToUnixTimeSeconds()}:t> (<t:{at.ToUnixTimeSeconds()}:R>)", message.Content);
        Assert.Equal(["123456789012345678"], message.Users);
    }

    [Fact]
    public void The_escalation_mention_pings_the_configured_role_and_lists_it()
    {
        var renderer = new DiscordMessageRenderer(EscalationTarget.Parse("<!subteam^S0123>, <@&987654321098765432>"));

        var message = Assert.Single(renderer.Render(new MessageBuilder().Escalation().Text(" ack please").Build(), null));

        Assert.Equal("<@&987654321098765432> ack please", message.Content);
        Assert.Equal(["987654321098765432"], message.Roles);
        Assert.Empty(message.Users);
    }

    [Fact]
    public void With_no_escalation_role_nothing_pingable_is_written()
    {
        var message = Assert.Single(_renderer.Render(new MessageBuilder().Escalation().Build(), null));

        Assert.Equal(DiscordMessageRenderer.NoEscalationTarget, message.Content);
        Assert.Empty(message.Roles);
    }

    [Fact]
    public void Text_past_2000_characters_is_split_at_line_breaks_and_nothing_is_lost()
    {
        var builder = new MessageBuilder().Mention("123456789012345678").Text(" update:");
        for (var i = 0; i < 60; i++)
        {
            builder.Line().Text($"line {i:00}: " + new string('x', 50) + " *stars* ");
        }

        var content = builder.Build();

        var parts = _renderer.Render(content, null);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Content.Length, 1, DiscordLimits.Content));
        Assert.Equal(_renderer.RenderWhole(content, null), string.Concat(parts.Select(p => p.Content)));
        Assert.All(parts.Skip(1), p => Assert.StartsWith("line", p.Content, StringComparison.Ordinal));
        Assert.Equal(["123456789012345678"], parts[0].Users);
        Assert.All(parts.Skip(1), p => Assert.Empty(p.Users));
    }

    [Fact]
    public void A_split_never_separates_an_escape_from_its_character()
    {
        var content = MessageContent.Plain(new string('*', 3000));

        var parts = _renderer.Render(content, null);

        Assert.All(parts, p => Assert.InRange(p.Content.Length, 1, DiscordLimits.Content));
        Assert.All(parts, p => Assert.Equal(0, p.Content.Length % 2));
        Assert.Equal(6000, parts.Sum(p => p.Content.Length));
    }

    [Fact]
    public void A_split_never_separates_a_surrogate_pair()
    {
        var content = MessageContent.Plain(string.Concat(Enumerable.Repeat("🔥", 1500)));

        var parts = _renderer.Render(content, null);

        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p.Content[^1])));
        Assert.Equal(3000, parts.Sum(p => p.Content.Length));
    }

    [Fact]
    public void Buttons_carry_the_shared_action_ids_and_the_incident()
    {
        var rows = DiscordMessageRenderer.Buttons([ButtonAction.Acknowledge, ButtonAction.TakeCommand, ButtonAction.PostUpdate, ButtonAction.Resolve], new Core.Incidents.IncidentId(42))!;

        var ids = Assert.Single(rows).Components!.Select(b => b.CustomId);

        Assert.Equal(["ack:INC-42", "take_command:INC-42", "post_update:INC-42", "resolve:INC-42"], ids);
    }
}
