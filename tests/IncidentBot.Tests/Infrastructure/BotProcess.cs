using System.Diagnostics;

namespace IncidentBot.Tests.Infrastructure;

/// <summary>
/// Runs the built executable as an operator would (<c>dotnet IncidentBot.dll …</c>) in a scratch working directory,
/// for what only a real process shows: the exit code and exactly what reaches stdout and stderr.
/// </summary>
internal static class BotProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("incidentbot-process-");

        // Never bind a real port, even if start-up unexpectedly succeeds.
        var start = StartInfo(workingDirectory.FullName, "http://127.0.0.1:0", environment, arguments);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var result = new Result(process.ExitCode, await stdout, await stderr);
        workingDirectory.Delete(recursive: true);
        return result;
    }

    /// <summary><c>dotnet IncidentBot.dll</c> with the arguments, listening on <paramref name="urls"/>, output redirected.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, string urls, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IncidentBot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Urls"] = urls;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
