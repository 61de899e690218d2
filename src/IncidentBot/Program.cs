using IncidentBot.Api;
using IncidentBot.Configuration;
using IncidentBot.Discord;
using IncidentBot.Health;
using IncidentBot.Hosting;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

// IncidentBot: runs the incident process in Slack and Discord. Wiring only; every part lives in its folder.
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
    .AddIncidentBotLoops();

var app = builder.Build();
app.MapHealth();
app.MapIncidentApi();
app.MapSlack();
app.MapDiscord();

try
{
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // Bad configuration stops start-up with one line naming the key and the fix (DESIGN.md §4).
    await Console.Error.WriteLineAsync("IncidentBot cannot start: " + string.Join(" ", e.Failures));
    return 1;
}
catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    // The binder names the key (Section:Key) and the type; durations are written hh:mm:ss.
    await Console.Error.WriteLineAsync($"IncidentBot cannot start: {e.Message} Durations are written hh:mm:ss, e.g. 00:05:00.");
    return 1;
}
