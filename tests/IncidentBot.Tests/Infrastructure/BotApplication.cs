using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Infrastructure;

/// <summary>The shared host harness (<see cref="BotHost{TEntryPoint, TSelf}"/>) over this host's <c>Program</c>.</summary>
internal sealed class BotApplication(
    IReadOnlyDictionary<string, string?>? settings = null,
    DateTimeOffset? start = null,
    string? databasePath = null,
    Action<IServiceCollection>? services = null,
    string? connectionString = null)
    : BotHost<Program, BotApplication>(settings, start, databasePath, services, connectionString);
