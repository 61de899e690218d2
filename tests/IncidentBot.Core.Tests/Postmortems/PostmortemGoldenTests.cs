namespace IncidentBot.Core.Tests.Postmortems;

public sealed class PostmortemGoldenTests
{
    [Fact]
    public void A_realistic_sev2_renders_as_its_golden_file() =>
        GoldenFile.AssertMatches("sev2-pipeline-blocks.md", PostmortemScenarios.Sev2PipelineBlocks().Render());

    [Fact]
    public void A_sev1_without_any_update_renders_as_its_golden_file() =>
        GoldenFile.AssertMatches("sev1-no-updates.md", PostmortemScenarios.Sev1WithoutUpdates().Render());

    [Fact]
    public void Hostile_text_renders_as_its_golden_file() =>
        GoldenFile.AssertMatches("hostile-text.md", PostmortemScenarios.HostileText().Render());

    [Fact]
    public void The_diff_names_the_lines_that_changed()
    {
        var diff = GoldenFile.Diff("a\nb\nc\n", "a\nB\nc\n");

        Assert.Equal("- 2: b\n+ 2: B\n", diff);
    }
}
