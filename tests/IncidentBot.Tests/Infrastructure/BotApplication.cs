using IncidentBot.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Tests.Infrastructure;

/// <summary>
/// The shared host harness (<see cref="BotHost{TEntryPoint, TSelf}"/>) over this host's <c>Program</c>. Commits wake the
/// loops at once: the settle time runs on the fake clock, which moves only when a test moves it.
/// </summary>
internal sealed class BotApplication(
    IReadOnlyDictionary<string, string?>? settings = null,
    DateTimeOffset? start = null,
    string? databasePath = null,
    Action<IServiceCollection>? services = null,
    string? connectionString = null)
    : BotHost<Program, BotApplication>(settings, start, databasePath, s =>
    {
        s.Replace(ServiceDescriptor.Singleton(new OutboxTuning { CommitSettle = TimeSpan.Zero }));
        services?.Invoke(s);
    }, connectionString);
