namespace IncidentBot.Tests.Ops;

public sealed class MiniYamlTests
{
    [Fact]
    public void Block_mappings_sequences_and_scalars_are_read()
    {
        var doc = MiniYaml.ParseMapping("""
            # a comment
            apiVersion: apps/v1   # trailing comment
            metadata:
              annotations:
                prometheus.io/port: "8080"
                quoted: 'it''s # not a comment'
            list:
            - a
            - name: b
              value: "x: y"
            - - nested
            empty:
            flow: []
            url: http://0.0.0.0:8080
            """);

        Assert.Equal("apps/v1", Yaml.Str(doc, "apiVersion"));
        Assert.Equal("8080", Yaml.Str(doc, "metadata.annotations.[prometheus.io/port]"));
        Assert.Equal("it's # not a comment", Yaml.Str(doc, "metadata.annotations.quoted"));
        var list = Yaml.Seq(doc, "list");
        Assert.Equal("a", list[0]);
        Assert.Equal("x: y", Yaml.Str(list[1], "value"));
        Assert.Equal(["nested"], Yaml.Seq(list[2]));
        Assert.Null(Yaml.At(doc, "empty"));
        Assert.Empty(Yaml.Seq(doc, "flow"));
        Assert.Equal("http://0.0.0.0:8080", Yaml.Str(doc, "url"));
    }

    [Theory]
    [InlineData("a:\n\tb: 1")]
    [InlineData("a: &anchor 1")]
    [InlineData("a: *alias")]
    [InlineData("a: |\n  text")]
    [InlineData("a: [1, 2]")]
    [InlineData("a: 1\na: 2")]
    [InlineData("a: 1\n   b: 2")]
    [InlineData("a: b: c")]
    [InlineData("a: \"open")]
    [InlineData("a: 1\n---\nb: 2")]
    public void Anything_outside_the_supported_yaml_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => MiniYaml.Parse(text));
    }
}
