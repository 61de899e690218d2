namespace IncidentBot.Tests.Ops;

public sealed class ContainerFilesTests
{
    private static Dictionary<string, object?> Compose => MiniYaml.ParseMapping(Repository.Read("docker-compose.yml"));

    private static Dictionary<string, object?> Bot => Yaml.Map(Compose, "services.incidentbot");

    private static string[] DockerfileLines => Repository.Read("Dockerfile").Split('\n');

    [Fact]
    public void Compose_runs_the_bot_with_env_file_and_a_named_volume_at_data()
    {
        Assert.Equal(".env", Yaml.Str(Bot, "env_file"));
        Assert.Contains("incidentbot-data:/data", Yaml.Seq(Bot, "volumes"));
        Assert.True(Yaml.Map(Compose, "volumes").ContainsKey("incidentbot-data"));
        Assert.Equal(".", Yaml.Str(Bot, "build.context"));
    }

    [Fact]
    public void Compose_hardens_the_container_like_the_kubernetes_manifests()
    {
        Assert.Equal("true", Yaml.Str(Bot, "read_only"));
        Assert.Equal(["/tmp"], Yaml.Seq(Bot, "tmpfs"));
        Assert.Equal(["no-new-privileges:true"], Yaml.Seq(Bot, "security_opt"));
        Assert.Equal("45s", Yaml.Str(Bot, "stop_grace_period"));
    }

    [Fact]
    public void Compose_has_a_postgres_service_behind_the_postgres_profile()
    {
        var postgres = Yaml.Map(Yaml.Map(Compose, "services"), "postgres");

        Assert.StartsWith("postgres:", Yaml.Str(postgres, "image"), StringComparison.Ordinal);
        Assert.Equal(["postgres"], Yaml.Seq(postgres, "profiles").Cast<string>());
        Assert.Contains("postgres-data:/var/lib/postgresql/data", Yaml.Seq(postgres, "volumes").Cast<string>());
        Assert.True(Yaml.Map(Compose, "volumes").ContainsKey("postgres-data"));
    }

    [Fact]
    public void The_image_runs_as_the_non_root_app_user_with_the_database_on_the_data_volume()
    {
        var lines = DockerfileLines;

        Assert.Equal("USER $APP_UID", lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains("VOLUME /data", lines);
        Assert.Contains(lines, l => l.Contains("Storage__ConnectionString=\"Data Source=/data/incidentbot.db\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Urls=http://0.0.0.0:8080", StringComparison.Ordinal));
    }

    [Fact]
    public void The_image_checks_healthz_and_bakes_in_the_git_commit()
    {
        var text = Repository.Read("Dockerfile");

        Assert.Contains("HEALTHCHECK ", text, StringComparison.Ordinal);
        Assert.Contains("GET /healthz", text, StringComparison.Ordinal);
        Assert.Contains("ARG GIT_COMMIT", text, StringComparison.Ordinal);
        Assert.Contains("-p:SourceRevisionId=${GIT_COMMIT}", text, StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_can_never_carry_a_local_env_file_or_database()
    {
        var rules = Repository.Read(".dockerignore").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Equal("*", rules[0]);
        Assert.DoesNotContain(rules, r => r.StartsWith('!') && (r.Contains(".env", StringComparison.Ordinal) || r.Contains("data", StringComparison.Ordinal) || r.Contains(".db", StringComparison.Ordinal)));
    }
}
