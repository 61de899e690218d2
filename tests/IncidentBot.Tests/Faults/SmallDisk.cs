using System.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace IncidentBot.Tests.Faults;

/// <summary>
/// A real disk that fills up: a small tmpfs mounted for one test (needs root, as in the CI container), and a filler
/// file that takes every free block until it is deleted. The bot gets ENOSPC from the kernel, not a simulation.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private const int MegaBytes = 16;

    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    /// <summary>Mounts the tmpfs; null (with the reason) when this machine does not let the test mount one.</summary>
    public static SmallDisk? TryMount(out string reason)
    {
        var path = Directory.CreateTempSubdirectory("incidentbot-smalldisk-").FullName;
        if (!OperatingSystem.IsLinux())
        {
            reason = "a tmpfs needs Linux";
            return null;
        }

        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={MegaBytes}m", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            reason = $"mounting a tmpfs needs root: {output}";
            return null;
        }

        reason = string.Empty;
        return new SmallDisk(path);
    }

    /// <summary>Takes every free block; returns the bytes taken.</summary>
    public long Fill()
    {
        using var handle = File.OpenHandle(Filler, FileMode.OpenOrCreate, FileAccess.Write);
        long taken = RandomAccess.GetLength(handle);

        // Big writes first, then ever smaller ones for the tail; every loop ends at ENOSPC or its bound.
        foreach (var size in new[] { 1 << 20, 1 << 12, 1 << 9, 1 })
        {
            var chunk = new byte[size];
            for (var i = 0; i < MegaBytes * (1 << 20) / size + 1 && TryWrite(handle, chunk, taken); i++)
            {
                taken += size;
            }
        }

        return taken;
    }

    /// <summary>Gives the space back.</summary>
    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static bool TryWrite(SafeFileHandle handle, byte[] chunk, long offset)
    {
        try
        {
            RandomAccess.Write(handle, chunk, offset);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit(TimeSpan.FromSeconds(30));
            return (process.ExitCode, output.Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
