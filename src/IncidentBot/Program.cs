using IncidentBot.Alerts;
using IncidentBot.Api;
using IncidentBot.Configuration;
using IncidentBot.Dashboard;
using IncidentBot.Discord;
using IncidentBot.Health;
using IncidentBot.Hosting;
using IncidentBot.Maintenance;
using IncidentBot.Metrics;
using IncidentBot.Paging;
using IncidentBot.Postmortems;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

// IncidentBot: runs the incident process in Slack and Discord. Wiring only; every part lives in its folder.
if (args is ["backup", var backupPath])
{
    return await BackupCommand.RunAsync(backupPath, CancellationToken.None);
}

if (args is [CopyDatabaseCommand.Verb, .. var copyArguments])
{
    return await CopyDatabaseCommand.RunAsync(copyArguments, Console.Out, Console.Error, CancellationToken.None);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddShippedSettings();
    builder.Configuration.AddDotEnv(Path.Combine(Directory.GetCurrentDirectory(), ".env"));
    builder.Logging.UseConfiguredFormat(builder.Configuration);
    if (string.IsNullOrEmpty(builder.Configuration["Urls"]))
    {
        builder.WebHost.UseUrls(HostingExtensions.DefaultUrl);
    }

    builder.Services
        .AddIncidentBotCore()
        .AddStorage(builder.Configuration)
        .AddSlack(builder.Configuration)
        .AddDiscord(builder.Configuration)
        .AddAlerts(builder.Configuration)
        .AddIncidentBotAlerts(builder.Configuration)
        .AddPostmortemExport(builder.Configuration)
        .AddIncidentBotMetrics(builder.Configuration)
        .AddDashboard(builder.Configuration)
        .AddIncidentBotLoops();

    var app = builder.Build();

    // Every options class is bound and validated here, before the endpoints below read any of them, so bad
    // configuration is reported as lines on stderr, not as a stack trace from wherever it was first read.
    OptionsStartupCheck.ValidateAll(builder.Services, app.Services);
    app.Services.GetRequiredService<IStartupValidator>().Validate();

    app.UseDashboard();
    app.MapHealth();
    app.MapIncidentBotMetrics();
    app.MapIncidentApi();
    app.MapSlack();
    app.MapDiscord();
    app.MapAlerts();
    app.MapDashboard();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Lines(e) is { } lines)
{
    // Bad configuration stops start-up with one line per problem, naming the key and the fix (DESIGN.md §4).
    foreach (var line in lines)
    {
        await Console.Error.WriteLineAsync("IncidentBot cannot start: " + line);
    }

    return 1;
}
