namespace IncidentBot.Tests.Ops;

public sealed class EnvExampleTests
{
    /// <summary>
    /// Keys the host reads itself rather than through an options class: Kestrel's listen address, the log format,
    /// which is chosen while logging is set up, before options exist, and the OpenTelemetry SDK's standard keys.
    /// </summary>
    internal static readonly string[] HostKeys =
        ["Urls", "Logging__Format", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME"];

    /// <summary>The configuration keys of the operator contract, DESIGN.md §4.</summary>
    internal static readonly string[] ContractKeys =
    [
        "Slack__BotToken", "Slack__SigningSecret", "Slack__AppToken", "Slack__ApiBaseUrl", "Slack__IncidentsChannel",
        "Discord__BotToken", "Discord__ApplicationId", "Discord__PublicKey", "Discord__GuildId", "Discord__ApiBaseUrl",
        "Discord__GatewayUrl", "Discord__IncidentsChannel",
        "Storage__ConnectionString", "Api__Token", "Incidents__TimeZone",
        "Incidents__Severities__SEV1__AckWithin", "Incidents__Severities__SEV1__UpdateEvery", "Incidents__Severities__SEV1__PostmortemWithin",
        "Incidents__Severities__SEV2__AckWithin", "Incidents__Severities__SEV2__UpdateEvery", "Incidents__Severities__SEV2__PostmortemWithin",
        "Incidents__Severities__SEV3__AckWithin", "Incidents__Severities__SEV3__UpdateEvery", "Incidents__Severities__SEV3__PostmortemWithin",
        "Incidents__MonitoringWindow", "Incidents__EscalationMention",
        "Incidents__Reactions__Acknowledge", "Incidents__Reactions__KeyEvent", "Incidents__Reactions__Confirmed",
        "Postmortems__Directory", "Logging__Format", "Urls",
        "Alerts__Token", "Alerts__GrafanaSecret", "Alerts__Platform", "Alerts__Workspace", "Alerts__Channel", "Alerts__SeverityLabel",
        "Alerts__SeverityMap", "Alerts__DeclareAt",
        "PagerDuty__WebhookSecret", "PagerDuty__ApiToken", "PagerDuty__From", "PagerDuty__ApiBaseUrl", "PagerDuty__SeverityMap",
        "Dashboard__Workspaces", "Dashboard__SessionLifetime", "Dashboard__Oidc__Authority", "Dashboard__Oidc__ClientId",
        "Dashboard__Oidc__ClientSecret", "Dashboard__Oidc__AllowedDomains", "Dashboard__Oidc__DomainWorkspaces",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME",
    ];

    internal static readonly string[] SecretKeys =
        [
            "Slack__BotToken", "Slack__SigningSecret", "Slack__AppToken", "Discord__BotToken", "Api__Token",
            "Alerts__Token", "Alerts__GrafanaSecret", "PagerDuty__WebhookSecret", "PagerDuty__ApiToken",
            "Dashboard__Oidc__ClientSecret", "OTEL_EXPORTER_OTLP_HEADERS",
        ];

    [Fact]
    public void The_keys_are_those_of_the_operator_contract()
    {
        var keys = EnvExample.Load().Keys.Select(k => k.Name);

        Assert.Equal(ContractKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_key_appears_once_commented_out_under_a_one_line_comment()
    {
        var keys = EnvExample.Load().Keys;

        Assert.Empty(keys.GroupBy(k => k.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(keys, k => Assert.True(k.CommentedOut, $"line {k.Line}: {k.Name} is set; show the default commented out so the image's own values (Urls, Storage) are not overridden"));
        Assert.All(keys, k => Assert.False(string.IsNullOrWhiteSpace(k.Comment), $"line {k.Line}: {k.Name} has no comment above it"));
    }

    [Fact]
    public void Secrets_are_marked_and_have_no_value()
    {
        var keys = EnvExample.Load().Keys;

        Assert.Equal(SecretKeys.Order(StringComparer.Ordinal), keys.Where(k => k.IsSecret).Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.All(keys.Where(k => k.IsSecret), k => Assert.Equal(string.Empty, k.Value));
    }

    [Fact]
    public void Every_options_property_has_its_key_in_env_example()
    {
        var env = EnvExample.Load();
        var patterns = OptionsKeys.OptionsTypes().SelectMany(OptionsKeys.KeysOf).ToList();

        var missing = Missing(env, patterns);

        Assert.True(missing.Count == 0, $"Options properties without a key in .env.example: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_key_in_env_example_is_bound_by_an_options_property_or_read_by_the_host()
    {
        var env = EnvExample.Load();
        var types = OptionsKeys.OptionsTypes();
        var patterns = types.SelectMany(OptionsKeys.KeysOf).ToList();

        var unbound = Unbound(env, patterns);

        Assert.True(unbound.Count == 0,
            $"Keys in .env.example that no options property binds: {string.Join(", ", unbound)}. "
            + $"Options classes found: {(types.Count == 0 ? "none" : string.Join(", ", types.Select(t => $"{t.Name} (Section \"{OptionsKeys.SectionOf(t)}\")")))}.");
    }

    [Fact]
    public void The_defaults_shown_are_the_options_own_defaults()
    {
        var env = EnvExample.Load();
        var patterns = OptionsKeys.OptionsTypes().SelectMany(OptionsKeys.KeysOf).ToList();

        var wrong = WrongDefaults(env, patterns);

        Assert.True(wrong.Count == 0, $".env.example shows defaults the code does not have: {string.Join("; ", wrong)}");
    }

    [Fact]
    public void Options_keys_are_found_the_way_the_binder_walks_an_options_class()
    {
        var keys = OptionsKeys.KeysOf(typeof(SampleOptions)).Select(k => k.ToString());

        Assert.Equal(
            [
                "Sample__Token", "Sample__Every", "Sample__Clocks__SEV1__AckWithin", "Sample__Clocks__SEV2__AckWithin",
                "Sample__Emoji[__n]", "Sample__Nested__AckWithin", "Sample__Base_Url",
            ],
            keys);
    }

    [Fact]
    public void The_comparison_names_what_is_missing_on_either_side()
    {
        var env = EnvExample.Parse("""
            # A token. Secret.
            # Sample__Token=
            # Clock of SEV1.
            # Sample__Clocks__sev1__AckWithin=00:05:00
            # Emoji.
            # Sample__Emoji__0=eyes
            # Sample__Emoji__1=white_check_mark
            # Nobody binds this.
            # Sample__Stale=1
            # Read by the host.
            # Urls=http://127.0.0.1:8080
            """);
        var patterns = OptionsKeys.KeysOf(typeof(SampleOptions));

        Assert.Equal(["Sample__Every", "Sample__Clocks__SEV2__AckWithin", "Sample__Nested__AckWithin", "Sample__Base_Url"], Missing(env, patterns));
        Assert.Equal(["Sample__Stale"], Unbound(env, patterns));
        Assert.Equal(["Sample__Clocks__sev1__AckWithin shows 00:05:00, the default is empty"], WrongDefaults(env, patterns));
    }

    private static List<string> Missing(EnvExample env, IEnumerable<KeyPattern> patterns) =>
        patterns.Where(p => !env.Keys.Any(k => p.Matches(k.Name))).Select(p => p.ToString()).ToList();

    private static List<string> WrongDefaults(EnvExample env, IEnumerable<KeyPattern> patterns) =>
        (from p in patterns
         let shown = p.Default
         where shown is not null
         from k in env.Keys
         where p.Matches(k.Name) && k.Value != shown
         select $"{k.Name} shows {k.Value}, the default is {(shown.Length == 0 ? "empty" : shown)}").ToList();

    private static List<string> Unbound(EnvExample env, IReadOnlyList<KeyPattern> patterns) =>
        env.Keys.Select(k => k.Name)
            .Where(k => !HostKeys.Contains(k, StringComparer.OrdinalIgnoreCase) && !patterns.Any(p => p.Matches(k)))
            .ToList();
}
