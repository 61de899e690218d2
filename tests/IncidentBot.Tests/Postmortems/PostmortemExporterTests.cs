using System.Text;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Policies;
using IncidentBot.Core.Postmortems;
using IncidentBot.Postmortems;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Postmortems;

public sealed class PostmortemExporterTests : IDisposable
{
    private const string Name = "2026-04-18-inc-42-pipeline-blocks-spiking.md";
    private static IncidentId Inc42 => new(42);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("incidentbot-export-");

    private string Folder => Path.Combine(_root.FullName, "postmortems");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task A_draft_is_written_under_its_name_with_exactly_its_bytes()
    {
        using var exporter = Exporter(Folder);

        var result = await exporter.ExportAsync(Inc42, Name, "# Postmortem — ünïcode ✅\n", Ct);

        Assert.Equal(new PostmortemExport(PostmortemExportOutcome.Created, Path.Combine(Folder, Name)), result);
        Assert.Equal(Encoding.UTF8.GetBytes("# Postmortem — ünïcode ✅\n"), await File.ReadAllBytesAsync(Path.Combine(Folder, Name), Ct));
    }

    [Fact]
    public async Task A_regenerated_draft_replaces_our_unedited_one_in_place()
    {
        using var exporter = Exporter(Folder);
        await exporter.ExportAsync(Inc42, Name, "first\n", Ct);

        var result = await exporter.ExportAsync(Inc42, Name, "second\n", Ct);

        Assert.Equal(PostmortemExportOutcome.Replaced, result!.Outcome);
        Assert.Equal("second\n", await File.ReadAllTextAsync(Path.Combine(Folder, Name), Ct));
        Assert.Equal([Name], Drafts());
    }

    [Fact]
    public async Task The_same_draft_again_writes_nothing()
    {
        using var exporter = Exporter(Folder);
        await exporter.ExportAsync(Inc42, Name, "same\n", Ct);

        var result = await exporter.ExportAsync(Inc42, Name, "same\n", Ct);

        Assert.Equal(PostmortemExportOutcome.Unchanged, result!.Outcome);
        Assert.Equal([Name], Drafts());
    }

    [Fact]
    public async Task An_edited_draft_is_kept_and_the_new_one_goes_beside_it()
    {
        using var exporter = Exporter(Folder);
        await exporter.ExportAsync(Inc42, Name, "draft\n", Ct);
        await File.AppendAllTextAsync(Path.Combine(Folder, Name), "Root cause written by a human.\n", Ct);

        var result = await exporter.ExportAsync(Inc42, Name, "regenerated\n", Ct);

        var revision = Path.Combine(Folder, "2026-04-18-inc-42-pipeline-blocks-spiking-r2.md");
        Assert.Equal(new PostmortemExport(PostmortemExportOutcome.NewRevision, revision), result);
        Assert.Equal("draft\nRoot cause written by a human.\n", await File.ReadAllTextAsync(Path.Combine(Folder, Name), Ct));
        Assert.Equal("regenerated\n", await File.ReadAllTextAsync(revision, Ct));
    }

    [Fact]
    public async Task Later_drafts_follow_the_latest_revision()
    {
        using var exporter = Exporter(Folder);
        await exporter.ExportAsync(Inc42, Name, "draft\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(Folder, Name), "edited\n", Ct);
        await exporter.ExportAsync(Inc42, Name, "r2\n", Ct);

        var replaced = await exporter.ExportAsync(Inc42, Name, "r2 again\n", Ct);
        await File.WriteAllTextAsync(replaced!.Path, "r2 edited\n", Ct);
        var third = await exporter.ExportAsync(Inc42, Name, "r3\n", Ct);

        Assert.Equal(PostmortemExportOutcome.Replaced, replaced.Outcome);
        Assert.EndsWith("-r2.md", replaced.Path, StringComparison.Ordinal);
        Assert.Equal(PostmortemExportOutcome.NewRevision, third!.Outcome);
        Assert.EndsWith("-r3.md", third.Path, StringComparison.Ordinal);
        Assert.Equal("r2 edited\n", await File.ReadAllTextAsync(replaced.Path, Ct));
    }

    [Fact]
    public async Task A_file_we_did_not_write_counts_as_edited()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, Name), "someone's own notes\n", Ct);
        using var exporter = Exporter(Folder);

        var result = await exporter.ExportAsync(Inc42, Name, "draft\n", Ct);

        Assert.Equal(PostmortemExportOutcome.NewRevision, result!.Outcome);
        Assert.Equal("someone's own notes\n", await File.ReadAllTextAsync(Path.Combine(Folder, Name), Ct));
    }

    [Fact]
    public async Task A_previous_exporter_s_record_survives_a_restart()
    {
        using (var before = Exporter(Folder))
        {
            await before.ExportAsync(Inc42, Name, "before restart\n", Ct);
        }

        using var after = Exporter(Folder);

        var result = await after.ExportAsync(Inc42, Name, "after restart\n", Ct);

        Assert.Equal(PostmortemExportOutcome.Replaced, result!.Outcome);
    }

    [Fact]
    public async Task Other_incidents_files_are_not_mistaken_for_revisions()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "2026-04-18-inc-4.md"), "INC-4\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(Folder, "2026-04-18-inc-4-rollback.md"), "INC-4 too\n", Ct);
        using var exporter = Exporter(Folder);

        var result = await exporter.ExportAsync(new IncidentId(4), "2026-04-18-inc-4-r.md", "draft\n", Ct);

        Assert.Equal(PostmortemExportOutcome.Created, result!.Outcome);
    }

    [Fact]
    public async Task No_temporary_file_is_left_behind_and_the_record_folder_is_git_ignored()
    {
        using var exporter = Exporter(Folder);
        await exporter.ExportAsync(Inc42, Name, "one\n", Ct);
        await exporter.ExportAsync(Inc42, Name, "two\n", Ct);

        Assert.Empty(Directory.EnumerateFiles(Folder, "*.tmp", SearchOption.AllDirectories));
        Assert.Contains("*\n", await File.ReadAllTextAsync(Path.Combine(Folder, ".incidentbot", ".gitignore"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_written_when_the_export_is_off()
    {
        using var exporter = Exporter(null);

        var result = await exporter.ExportAsync(Inc42, Name, "draft\n", Ct);

        Assert.Null(result);
        Assert.False(exporter.Enabled);
        Assert.False(Directory.Exists(Folder));
    }

    [Theory]
    [InlineData("../escape.md")]
    [InlineData("sub/dir.md")]
    [InlineData(".hidden.md")]
    [InlineData("notes.txt")]
    public async Task A_name_that_is_not_a_plain_markdown_file_is_refused(string fileName)
    {
        using var exporter = Exporter(Folder);

        await Assert.ThrowsAsync<ArgumentException>(() => exporter.ExportAsync(Inc42, fileName, "draft\n", Ct));
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_is_reported_not_thrown()
    {
        var file = Path.Combine(_root.FullName, "a-file");
        await File.WriteAllTextAsync(file, "x", Ct);
        using var exporter = Exporter(Path.Combine(file, "postmortems"));

        var result = await exporter.ExportAsync(Inc42, Name, "draft\n", Ct);

        Assert.Equal(PostmortemExportOutcome.Failed, result!.Outcome);
    }

    [Fact]
    public async Task The_renderer_s_draft_is_exported_under_the_renderer_s_name()
    {
        var incident = new Incident
        {
            Id = Inc42,
            Workspace = new WorkspaceId(Platform.Slack, "T1"),
            ChannelId = "C1",
            Title = "Pipeline blocks spiking",
            Severity = Severity.Sev2,
            Status = IncidentStatus.Closed,
            Commander = new UserRef("U1", "alice"),
            DeclaredBy = new UserRef("U1", "alice"),
            DeclaredAt = new DateTimeOffset(2026, 4, 18, 13, 15, 0, TimeSpan.Zero),
            ResolvedAt = new DateTimeOffset(2026, 4, 18, 14, 30, 0, TimeSpan.Zero),
            ClosedAt = new DateTimeOffset(2026, 4, 18, 15, 0, 0, TimeSpan.Zero),
        };
        var draft = PostmortemRenderer.Render(incident, [], [], IncidentPolicy.Default);
        using var exporter = Exporter(Folder);

        var result = await exporter.ExportAsync(incident.Id, PostmortemRenderer.FileName(incident), draft, Ct);

        Assert.Equal(Path.Combine(Folder, Name), result!.Path);
        Assert.Equal(draft, await File.ReadAllTextAsync(result.Path, Ct));
    }

    private static PostmortemExporter Exporter(string? folder) =>
        new(Options.Create(new PostmortemOptions { Directory = folder }), NullLogger<PostmortemExporter>.Instance);

    private List<string> Drafts() =>
        [.. Directory.EnumerateFiles(Folder, "*.md").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];
}
