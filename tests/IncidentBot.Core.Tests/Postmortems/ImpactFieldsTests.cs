using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Tests.Postmortems;

public sealed class ImpactFieldsTests
{
    [Fact]
    public void Labelled_parts_fill_the_template_lines()
    {
        var impact = ImpactFields.Parse("Customers affected: ~12; user-visible: 403s; Data integrity: none; revenue: none");

        Assert.Equal(new ImpactFields("~12", "403s", "none", "none", null), impact);
    }

    [Fact]
    public void Lines_and_bullets_work_like_semicolons()
    {
        var impact = ImpactFields.Parse("- Affected customers: ~12 active\n- User-visible: chat completions returning 403");

        Assert.Equal(new ImpactFields("~12 active", "chat completions returning 403", null, null, null), impact);
    }

    [Fact]
    public void Unlabelled_text_is_kept_apart()
    {
        var impact = ImpactFields.Parse("EU customers see timeouts on login; revenue impact: none");

        Assert.Equal(new ImpactFields(null, null, null, "none", "EU customers see timeouts on login"), impact);
    }

    [Fact]
    public void No_impact_fills_nothing()
    {
        Assert.Equal(new ImpactFields(null, null, null, null, null), ImpactFields.Parse(null));
    }
}
