using IncidentBot.Postmortems;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Postmortems;

public sealed class PostmortemOptionsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("incidentbot-options-");

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Unset_turns_the_export_off_and_is_valid(string? folder)
    {
        var result = new PostmortemOptionsValidator().Validate(null, new PostmortemOptions { Directory = folder });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_missing_folder_is_created()
    {
        var folder = Path.Combine(_root.FullName, "docs", "postmortems");

        var result = new PostmortemOptionsValidator().Validate(null, new PostmortemOptions { Directory = folder });

        Assert.True(result.Succeeded);
        Assert.True(Directory.Exists(folder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void A_file_is_refused_with_the_key_and_the_fix()
    {
        var file = Path.Combine(_root.FullName, "a-file");
        File.WriteAllText(file, "x");

        var result = new PostmortemOptionsValidator().Validate(null, new PostmortemOptions { Directory = file });

        Assert.True(result.Failed);
        Assert.Contains("Postmortems__Directory", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Postmortems__Directory", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("under-a-file")]
    public void A_folder_that_cannot_exist_is_refused(string kind)
    {
        var file = Path.Combine(_root.FullName, "a-file");
        File.WriteAllText(file, "x");
        var folder = kind == "under-a-file" ? Path.Combine(file, "postmortems") : kind;

        var result = new PostmortemOptionsValidator().Validate(null, new PostmortemOptions { Directory = folder });

        Assert.True(result.Failed);
        Assert.StartsWith("Postmortems__Directory", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_setup_binds_the_section_and_validates_it()
    {
        var file = Path.Combine(_root.FullName, "a-file");
        File.WriteAllText(file, "x");
        using var good = Provider(Path.Combine(_root.FullName, "out"));
        using var bad = Provider(file);

        Assert.True(good.GetRequiredService<PostmortemExporter>().Enabled);
        Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<PostmortemOptions>>().Value);
    }

    private static ServiceProvider Provider(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Postmortems:Directory"] = folder })
            .Build();
        return new ServiceCollection()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddPostmortemExport(configuration)
            .BuildServiceProvider();
    }
}
