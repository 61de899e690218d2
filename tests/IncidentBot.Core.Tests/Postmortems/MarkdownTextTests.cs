using System.Text;
using IncidentBot.Core.Postmortems;

namespace IncidentBot.Core.Tests.Postmortems;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("plain words stay plain", "plain words stay plain")]
    [InlineData("a | b", @"a \| b")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData("<!channel> <b>", @"\<!channel> \<b>")]
    [InlineData("*x* [y](z) ~~s~~ \\", @"\*x\* \[y\](z) \~\~s\~\~ \\")]
    [InlineData("snake_case stays, _emphasis_ does not", @"snake_case stays, \_emphasis\_ does not")]
    [InlineData("R&D, &amp but &copy; &#60; &#x3C;", @"R&D, &amp but \&copy; \&#60; \&#x3C;")]
    [InlineData("costs $5", @"costs \$5")]
    [InlineData("# mid-line hash and 1. stay", "# mid-line hash and 1. stay")]
    public void Inline_text_escapes_what_could_become_markup(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Inline(text));

    [Theory]
    [InlineData("# heading", @"\# heading")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("===", @"\===")]
    [InlineData("12. item", @"12\. item")]
    [InlineData("3) item", @"3\) item")]
    [InlineData("    indented code", "indented code")]
    [InlineData("2026 was fine", "2026 was fine")]
    public void A_paragraph_escapes_what_only_means_something_at_the_start_of_a_line(string text, string expected)
    {
        var sb = new StringBuilder();

        MarkdownText.AppendParagraph(sb, text, string.Empty);

        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void A_paragraph_keeps_its_lines_with_hard_breaks_inside_its_list_item()
    {
        var sb = new StringBuilder();

        MarkdownText.AppendParagraph(sb, "first\r\n\r\n---\nlast\\", "  ");

        Assert.Equal("first\\\n  \\---\\\n  last\\\\", sb.ToString());
    }

    [Fact]
    public void A_table_cell_is_one_line_with_pipes_escaped()
    {
        Assert.Equal(@"a \| b<br>c", MarkdownText.Cell("a | b\nc"));
    }

    [Fact]
    public void A_code_block_fence_is_longer_than_any_backtick_run_inside()
    {
        var sb = new StringBuilder();

        MarkdownText.AppendCodeBlock(sb, "x\n`````\ny  ", "  ");

        Assert.Equal("  ``````text\n  x\n  `````\n  y\n  ``````\n", sb.ToString());
    }

    [Fact]
    public void Control_characters_become_replacement_characters()
    {
        Assert.Equal("a\uFFFDb\tc", MarkdownText.Inline("a\u0000b\tc"));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"\n---\\", "\"say \\\"hi\\\"\\n---\\\\\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("<img src=x>", "\"\\u003Cimg src=x\\u003E\"")]
    public void Yaml_strings_are_double_quoted_and_escaped(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.YamlString(text));
}
