using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Core.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>
/// Writes postmortem drafts into <c>Postmortems:Directory</c> (issue 6 §2) so a team can commit them to its
/// docs repository. Every write is atomic: a temporary file in the same folder, flushed to disk, then renamed
/// over the target, so a reader or a crash never sees half a file. A file someone edited is never overwritten:
/// the SHA-256 of what we last wrote is kept in <c>.incidentbot/&lt;file&gt;.sha256</c> (ignored by git), and
/// when the file on disk no longer matches it, the new draft goes beside it as <c>…-r2.md</c>, <c>…-r3.md</c>.
/// A file we have no record of counts as edited: losing someone's words is worse than one more revision.
/// The bytes written are exactly the draft's UTF-8 (no BOM), the same bytes the API serves.
/// </summary>
internal sealed partial class PostmortemExporter(IOptions<PostmortemOptions> options, ILogger<PostmortemExporter> logger) : IDisposable
{
    private const string StateFolder = ".incidentbot";

    // One export at a time: two drafts of the same incident must not race for the same revision name.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool Enabled => !string.IsNullOrEmpty(options.Value.Directory);

    /// <summary>
    /// Exports one draft; returns null when the export is off. <paramref name="fileName"/> is the renderer's
    /// <c>YYYY-MM-DD-inc-42-slug.md</c>. IO failures are logged and reported as <see cref="PostmortemExportOutcome.Failed"/>
    /// rather than thrown: the draft is already stored and posted, the export is a copy.
    /// </summary>
    public async Task<PostmortemExport?> ExportAsync(IncidentId incidentId, string fileName, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!Enabled)
        {
            return null;
        }

        if (string.IsNullOrEmpty(fileName) || Path.GetFileName(fileName) != fileName || fileName.StartsWith('.')
            || !fileName.EndsWith(".md", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{fileName}' is not a plain Markdown file name.", nameof(fileName));
        }

        var directory = Path.GetFullPath(options.Value.Directory!);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ExportLockedAsync(incidentId, directory, fileName, Encoding.UTF8.GetBytes(markdown), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogExportFailed(incidentId, directory, e);
            return new PostmortemExport(PostmortemExportOutcome.Failed, Path.Combine(directory, fileName));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<PostmortemExport> ExportLockedAsync(
        IncidentId incidentId, string directory, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var state = await StateFolderAsync(directory, cancellationToken);
        var hash = Hash(content);
        var stem = fileName[..^".md".Length];
        var latest = LatestRevision(directory, stem);
        if (latest is null)
        {
            var created = await WriteNewRevisionAsync(directory, stem, 1, content, cancellationToken);
            await RecordAsync(state, created, hash, cancellationToken);
            LogWritten(incidentId, created);
            return new PostmortemExport(PostmortemExportOutcome.Created, created);
        }

        var onDisk = Hash(await File.ReadAllBytesAsync(latest.Value.Path, cancellationToken));
        if (onDisk == hash)
        {
            await RecordAsync(state, latest.Value.Path, hash, cancellationToken);
            LogUnchanged(incidentId, latest.Value.Path);
            return new PostmortemExport(PostmortemExportOutcome.Unchanged, latest.Value.Path);
        }

        if (await RecordedAsync(state, latest.Value.Path, cancellationToken) == onDisk)
        {
            await WriteAtomicallyAsync(latest.Value.Path, content, overwrite: true, cancellationToken);
            await RecordAsync(state, latest.Value.Path, hash, cancellationToken);
            LogReplaced(incidentId, latest.Value.Path);
            return new PostmortemExport(PostmortemExportOutcome.Replaced, latest.Value.Path);
        }

        var revision = await WriteNewRevisionAsync(directory, stem, latest.Value.Number + 1, content, cancellationToken);
        await RecordAsync(state, revision, hash, cancellationToken);
        LogKeptEdited(incidentId, latest.Value.Path, revision);
        return new PostmortemExport(PostmortemExportOutcome.NewRevision, revision);
    }

    /// <summary>Revision 1 is <c>stem.md</c>, revision n is <c>stem-rn.md</c>; the highest one present wins.</summary>
    private static (int Number, string Path)? LatestRevision(string directory, string stem)
    {
        (int, string)? latest = null;
        foreach (var path in Directory.EnumerateFiles(directory, stem + "*.md"))
        {
            var name = Path.GetFileName(path);
            var number = name == stem + ".md" ? 1 : RevisionNumber(name, stem);
            if (number > 0 && (latest is null || number > latest.Value.Item1))
            {
                latest = (number, path);
            }
        }

        return latest;
    }

    private static int RevisionNumber(string name, string stem)
    {
        var prefix = stem + "-r";
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return 0;
        }

        var digits = name.AsSpan(prefix.Length, name.Length - prefix.Length - ".md".Length);
        return digits.Length is > 0 and < 6 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2 ? n : 0;
    }

    /// <summary>Writes the first free revision from <paramref name="number"/> on, never replacing an existing file.</summary>
    private static async Task<string> WriteNewRevisionAsync(string directory, string stem, int number, byte[] content, CancellationToken cancellationToken)
    {
        for (var n = number; ; n++)
        {
            var path = Path.Combine(directory, n == 1 ? stem + ".md" : string.Create(CultureInfo.InvariantCulture, $"{stem}-r{n}.md"));
            if (File.Exists(path))
            {
                continue;
            }

            try
            {
                await WriteAtomicallyAsync(path, content, overwrite: false, cancellationToken);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Someone created it between the check and the rename: theirs stays, ours takes the next number.
            }
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] content, bool overwrite, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);

                // On disk before the rename, so a crash cannot leave an empty file under the final name.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The folder of hashes, with a .gitignore so a docs repository never commits it.</summary>
    private static async Task<string> StateFolderAsync(string directory, CancellationToken cancellationToken)
    {
        var state = Path.Combine(directory, StateFolder);
        Directory.CreateDirectory(state);
        var ignore = Path.Combine(state, ".gitignore");
        if (!File.Exists(ignore))
        {
            await WriteAtomicallyAsync(ignore, Encoding.UTF8.GetBytes("# IncidentBot's record of the drafts it wrote.\n*\n"), overwrite: true, cancellationToken);
        }

        return state;
    }

    private static Task RecordAsync(string state, string path, string hash, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(RecordPath(state, path), Encoding.UTF8.GetBytes(hash + "\n"), overwrite: true, cancellationToken);

    private static async Task<string?> RecordedAsync(string state, string path, CancellationToken cancellationToken)
    {
        var record = RecordPath(state, path);
        return File.Exists(record) ? (await File.ReadAllTextAsync(record, cancellationToken)).Trim() : null;
    }

    private static string RecordPath(string state, string path) => Path.Combine(state, Path.GetFileName(path) + ".sha256");

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [LoggerMessage(Level = LogLevel.Information, Message = "Postmortem draft of {IncidentId} written to {Path}")]
    private partial void LogWritten(IncidentId incidentId, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Postmortem draft of {IncidentId} replaced at {Path}")]
    private partial void LogReplaced(IncidentId incidentId, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Postmortem draft of {IncidentId} unchanged at {Path}")]
    private partial void LogUnchanged(IncidentId incidentId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EditedPath} was edited since IncidentBot wrote it, so it was kept; the new draft of {IncidentId} is at {Path}")]
    private partial void LogKeptEdited(IncidentId incidentId, string editedPath, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Postmortem draft of {IncidentId} could not be written to {Directory}")]
    private partial void LogExportFailed(IncidentId incidentId, string directory, Exception exception);
}
