namespace IncidentBot.Dashboard.Tests.Infrastructure;

/// <summary>One host and one Chromium for every browser test; the tests of the collection run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<DashboardSite>
{
    public const string Name = "dashboard";
}
