using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>
/// Binds and validates every options class of the bot before anything resolves one (DESIGN.md §4: bad
/// configuration stops start-up with one line naming the key and the fix). Endpoint mapping and service
/// factories read options as soon as they run; this runs first, so a bad value is reported as a line, not as an
/// unhandled <see cref="OptionsValidationException"/> from wherever it happened to be read.
/// </summary>
/// <remarks>
/// The mechanism: every options type of an <c>IncidentBot*</c> assembly that the service collection knows through
/// the options system (<c>AddOptions&lt;T&gt;().Bind(…)</c>, <c>Configure&lt;T&gt;</c>, an
/// <see cref="IValidateOptions{TOptions}"/>) is resolved through <see cref="IOptions{TOptions}"/>, which binds it
/// (a value that does not convert fails here) and runs its validators. A new options class needs nothing more
/// than that registration. Every problem of every class is collected, so the operator fixes them in one go.
/// </remarks>
internal static class OptionsStartupCheck
{
    private static readonly Type[] Registrations =
        [typeof(IConfigureOptions<>), typeof(IPostConfigureOptions<>), typeof(IValidateOptions<>), typeof(IOptionsChangeTokenSource<>)];

    private static readonly MethodInfo ResolveMethod =
        typeof(OptionsStartupCheck).GetMethod(nameof(Resolve), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The bot's own options types registered in <paramref name="services"/>, in registration order.</summary>
    public static IReadOnlyList<Type> OptionsTypes(IServiceCollection services) =>
        services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && Registrations.Contains(t.GetGenericTypeDefinition()))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Assembly.GetName().Name?.StartsWith("IncidentBot", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();

    /// <summary>
    /// Resolves every one of <see cref="OptionsTypes"/>; throws one <see cref="AggregateException"/> holding each
    /// configuration problem (which <see cref="StartupFailure"/> turns into lines). Anything else is a bug and is
    /// rethrown as it is.
    /// </summary>
    public static void ValidateAll(IServiceCollection services, IServiceProvider provider)
    {
        var problems = new List<Exception>();
        foreach (var type in OptionsTypes(services))
        {
            try
            {
                ResolveMethod.MakeGenericMethod(type).Invoke(null, [provider]);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner && StartupFailure.Lines(inner) is not null)
            {
                problems.Add(inner);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                ExceptionDispatchInfo.Capture(inner).Throw();
            }
        }

        if (problems.Count > 0)
        {
            throw new AggregateException(problems);
        }
    }

    private static void Resolve<T>(IServiceProvider provider)
        where T : class =>
        _ = provider.GetRequiredService<IOptions<T>>().Value;
}
