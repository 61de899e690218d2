using IncidentBot.Api;
using IncidentBot.Configuration;
using IncidentBot.Dashboard;
using IncidentBot.Discord;
using IncidentBot.Health;
using IncidentBot.Hosting;
using IncidentBot.Maintenance;
using IncidentBot.Metrics;
using IncidentBot.Postmortems;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

// IncidentBot: runs the incident process in Slack and Discord. Wiring only; every part lives in its folder.
if (args is ["backup", var backupPath])
{
    return await BackupCommand.RunAsync(backupPath, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
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
    .AddPostmortemExport(builder.Configuration)
    .AddIncidentBotMetrics()
    .AddDashboard(builder.Configuration)
    .AddIncidentBotLoops();

var app = builder.Build();
app.UseDashboard();
app.MapHealth();
app.MapIncidentBotMetrics();
app.MapIncidentApi();
app.MapSlack();
app.MapDiscord();
app.MapDashboard();

try
{
    // Validate before the host starts, so bad configuration is one line on stderr, not a host stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } line)
{
    // Bad configuration stops start-up with one line naming the key and the fix (DESIGN.md §4).
    await Console.Error.WriteLineAsync("IncidentBot cannot start: " + line);
    return 1;
}
