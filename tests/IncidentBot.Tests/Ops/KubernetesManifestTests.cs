namespace IncidentBot.Tests.Ops;

public sealed class KubernetesManifestTests
{
    /// <summary>The base image's non-root "app" user (APP_UID in mcr.microsoft.com/dotnet/aspnet), which the Dockerfile runs as.</summary>
    private const string AppUid = "1654";

    internal static readonly string Folder = Repository.PathOf("manifests", "k8s", "base");

    private static Dictionary<string, object?> Manifest(string file) => MiniYaml.ParseMapping(File.ReadAllText(Path.Combine(Folder, file)));

    private static Dictionary<string, object?> Kustomization => Manifest("kustomization.yaml");

    private static Dictionary<string, object?> Deployment => Resource("Deployment");

    private static Dictionary<string, object?> PodSpec => Yaml.Map(Deployment, "spec.template.spec");

    private static Dictionary<string, object?> Container => Yaml.Map(Yaml.Seq(PodSpec, "containers").Single());

    private static IEnumerable<Dictionary<string, object?>> Resources =>
        Yaml.Seq(Kustomization, "resources").Select(r => Manifest(Yaml.Str(r)));

    private static Dictionary<string, object?> Resource(string kind) => Resources.Single(r => Yaml.Str(r, "kind") == kind);

    [Fact]
    public void The_kustomization_lists_every_manifest_except_the_secret_example()
    {
        var listed = Yaml.Seq(Kustomization, "resources").Select(r => Yaml.Str(r)).Order(StringComparer.Ordinal);
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not "kustomization.yaml" and not "secret.example.yaml").Order(StringComparer.Ordinal);

        Assert.Equal(files, listed);
        Assert.Equal("Kustomization", Yaml.Str(Kustomization, "kind"));
    }

    [Fact]
    public void Every_manifest_is_named_and_namespace_agnostic()
    {
        var all = Resources.Append(Manifest("secret.example.yaml")).ToList();

        Assert.Equal(["ConfigMap", "Deployment", "PersistentVolumeClaim", "Service"], Resources.Select(r => Yaml.Str(r, "kind")).Order(StringComparer.Ordinal));
        Assert.Equal("Secret", Yaml.Str(all[^1], "kind"));
        Assert.All(all, r => Assert.False(string.IsNullOrEmpty(Yaml.Str(r, "apiVersion"))));
        Assert.All(all, r => Assert.False(string.IsNullOrEmpty(Yaml.Str(r, "metadata.name"))));
        Assert.All(all, r => Assert.False(Yaml.Has(r, "metadata.namespace"), $"{Yaml.Str(r, "kind")} names a namespace"));
        Assert.False(Yaml.Has(Kustomization, "namespace"));
    }

    [Fact]
    public void One_replica_is_replaced_by_Recreate_so_two_pods_never_share_the_database()
    {
        Assert.Equal("1", Yaml.Str(Deployment, "spec.replicas"));
        Assert.Equal("Recreate", Yaml.Str(Deployment, "spec.strategy.type"));
        Assert.Equal(["ReadWriteOnce"], Yaml.Seq(Resource("PersistentVolumeClaim"), "spec.accessModes"));
    }

    [Fact]
    public void Liveness_asks_healthz_and_readiness_asks_readyz_on_the_http_port()
    {
        var port = Yaml.Map(Yaml.Seq(Container, "ports").Single());

        Assert.Equal("http", Yaml.Str(port, "name"));
        Assert.Equal("8080", Yaml.Str(port, "containerPort"));
        Assert.Equal("/healthz", Yaml.Str(Container, "livenessProbe.httpGet.path"));
        Assert.Equal("/readyz", Yaml.Str(Container, "readinessProbe.httpGet.path"));
        Assert.Equal("/healthz", Yaml.Str(Container, "startupProbe.httpGet.path"));
        Assert.All(["livenessProbe", "readinessProbe", "startupProbe"], p => Assert.Equal("http", Yaml.Str(Container, $"{p}.httpGet.port")));
    }

    [Fact]
    public void The_pod_runs_as_the_images_non_root_user_with_a_read_only_root_filesystem()
    {
        Assert.Equal("true", Yaml.Str(PodSpec, "securityContext.runAsNonRoot"));
        Assert.Equal(AppUid, Yaml.Str(PodSpec, "securityContext.runAsUser"));
        Assert.Equal(AppUid, Yaml.Str(PodSpec, "securityContext.fsGroup"));
        Assert.Equal("true", Yaml.Str(Container, "securityContext.readOnlyRootFilesystem"));
        Assert.Equal("false", Yaml.Str(Container, "securityContext.allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], Yaml.Seq(Container, "securityContext.capabilities.drop"));
    }

    [Fact]
    public void The_data_volume_comes_from_the_claim_and_tmp_from_an_empty_dir()
    {
        var mounts = Yaml.Seq(Container, "volumeMounts").Select(m => Yaml.Map(m)).ToDictionary(m => Yaml.Str(m, "mountPath"), m => Yaml.Str(m, "name"));
        var volumes = Yaml.Seq(PodSpec, "volumes").Select(v => Yaml.Map(v)).ToDictionary(v => Yaml.Str(v, "name"));

        Assert.Equal(["/data", "/tmp"], mounts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Yaml.Str(Resource("PersistentVolumeClaim"), "metadata.name"), Yaml.Str(volumes[mounts["/data"]], "persistentVolumeClaim.claimName"));
        Assert.True(Yaml.Has(volumes[mounts["/tmp"]], "emptyDir"));
        Assert.StartsWith("Data Source=/data/", Yaml.Str(Resource("ConfigMap"), "data.Storage__ConnectionString"), StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_and_limits_are_set()
    {
        Assert.All(["requests", "limits"], kind =>
        {
            Assert.False(string.IsNullOrEmpty(Yaml.Str(Container, $"resources.{kind}.cpu")));
            Assert.False(string.IsNullOrEmpty(Yaml.Str(Container, $"resources.{kind}.memory")));
        });
    }

    [Fact]
    public void The_grace_period_outlasts_the_bots_own_shutdown_timeout()
    {
        var grace = TimeSpan.FromSeconds(int.Parse(Yaml.Str(PodSpec, "terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(grace >= new Microsoft.Extensions.Hosting.HostOptions().ShutdownTimeout + TimeSpan.FromSeconds(10), $"{grace} is too short");
    }

    [Fact]
    public void The_service_selects_the_deployments_pods_and_targets_the_http_port()
    {
        var service = Resource("Service");
        var podLabels = Yaml.Map(Deployment, "spec.template.metadata.labels");

        Assert.All(Yaml.Map(service, "spec.selector"), s => Assert.Equal(s.Value, podLabels.GetValueOrDefault(s.Key)));
        Assert.Equal(Yaml.Map(Deployment, "spec.selector.matchLabels"), Yaml.Map(service, "spec.selector"));
        Assert.Equal("http", Yaml.Str(Yaml.Seq(service, "spec.ports").Single(), "targetPort"));
    }

    [Fact]
    public void Settings_come_from_the_config_map_and_secrets_from_an_optional_secret()
    {
        var sources = Yaml.Seq(Container, "envFrom").Select(s => Yaml.Map(s)).ToList();

        Assert.Equal(Yaml.Str(Resource("ConfigMap"), "metadata.name"), Yaml.Str(sources.Single(s => s.ContainsKey("configMapRef")), "configMapRef.name"));
        var secretRef = sources.Single(s => s.ContainsKey("secretRef"));
        Assert.Equal(Yaml.Str(Manifest("secret.example.yaml"), "metadata.name"), Yaml.Str(secretRef, "secretRef.name"));
        Assert.Equal("true", Yaml.Str(secretRef, "secretRef.optional"));
    }

    [Fact]
    public void The_config_map_holds_known_settings_and_no_secret()
    {
        var known = EnvExample.Load().Keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var keys = Yaml.Map(Resource("ConfigMap"), "data").Keys;

        Assert.All(keys, k => Assert.Contains(k, known));
        Assert.DoesNotContain(keys, k => EnvExampleTests.SecretKeys.Contains(k));
    }

    [Fact]
    public void The_secret_example_holds_every_secret_and_nothing_else()
    {
        var keys = Yaml.Map(Manifest("secret.example.yaml"), "stringData").Keys;

        Assert.Equal(EnvExampleTests.SecretKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }
}
