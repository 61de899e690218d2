using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace IncidentBot.Dashboard.Pages;

/// <summary>
/// Renders the stored postmortem draft (Markdown) for the page. The draft quotes people, so raw HTML is off
/// (Markdig escapes it as text) and a link keeps only a web or mail address: <c>javascript:</c> and friends become plain text.
/// </summary>
internal sealed class PostmortemHtml
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    public MarkupString Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!Safe(link.Url))
            {
                link.Url = "#";
            }
        }

        return new MarkupString(document.ToHtml(_pipeline));
    }

    private static bool Safe(string? url) =>
        url is null
        || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? SafeSchemes.Contains(absolute.Scheme) : !url.Contains(':', StringComparison.Ordinal));
}
