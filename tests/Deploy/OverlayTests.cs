using Microsoft.Extensions.Configuration;
using System.Globalization;
using DataTier.Placement;
using DataTier.Silo.Hosting;
using Xunit;

namespace DataTier.Tests.Deploy;

public sealed class OverlayTests
{
    /// <summary>The .NET host's own default shutdown timeout, which the silo only ever raises.</summary>
    private static readonly TimeSpan DefaultHostShutdown = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Overlays() => new(RenderedOverlay.Names);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_termination_grace_period_covers_the_pre_stop_pause_and_the_partition_hand_off(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        var handOff = built.Configuration.GetSection("Rebalancing").Get<RebalancingOptions>()!.HandOffTimeout;
        Assert.Equal(TimeSpan.FromSeconds(20), handOff);
        var preStop = built.Container.Map("lifecycle").Map("preStop").Map("exec").Seq("command").Strings().ToList();
        Assert.Equal("sleep", preStop[0]);
        var pause = TimeSpan.FromSeconds(int.Parse(preStop[1], CultureInfo.InvariantCulture));
        var shutdown = handOff + SiloHostingExtensions.ShutdownMargin > DefaultHostShutdown ? handOff + SiloHostingExtensions.ShutdownMargin : DefaultHostShutdown;
        var grace = TimeSpan.FromSeconds(int.Parse(built.PodSpec.Str("terminationGracePeriodSeconds"), CultureInfo.InvariantCulture));
        Assert.True(grace >= pause + shutdown + TimeSpan.FromSeconds(5), $"terminationGracePeriodSeconds {grace.TotalSeconds} < {pause.TotalSeconds} + {shutdown.TotalSeconds} + 5");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_silo_runs_as_the_images_non_root_user_with_a_read_only_root(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        var pod = built.PodSpec.Map("securityContext");
        Assert.Equal("true", pod.Str("runAsNonRoot"));
        Assert.Equal("1654", pod.Str("runAsUser")); // APP_UID of the .NET images
        var container = built.Container.Map("securityContext");
        Assert.Equal("false", container.Str("allowPrivilegeEscalation"));
        Assert.Equal("true", container.Str("readOnlyRootFilesystem"));
        Assert.Contains(built.Container.Seq("volumeMounts").Maps(), m => m.Str("mountPath") == "/tmp");
    }

    [Fact]
    public void Embedded_is_one_silo_with_rocksdb_on_a_persistent_volume()
    {
        var built = new RenderedOverlay("embedded");
        var config = built.Configuration;
        Assert.Equal("1", built.Deployment.Root.Map("spec").Str("replicas"));
        Assert.Equal("Recreate", built.Deployment.Root.Map("spec").Map("strategy").Str("type"));
        Assert.Null(built.Deployment.Root.Map("spec").Map("strategy").Find("rollingUpdate"));
        Assert.Equal("RocksDb", config["Store:Kind"]);
        Assert.Equal("false", config["Orleans:Kubernetes"]);
        var mount = built.Container.Seq("volumeMounts").Maps().Single(m => m.Str("mountPath") == config["Store:RocksDb:Path"]);
        var volume = built.PodSpec.Seq("volumes").Maps().Single(v => v.Str("name") == mount.Str("name"));
        var claim = built.Single("PersistentVolumeClaim", volume.Map("persistentVolumeClaim").Str("claimName"));
        Assert.Equal(["ReadWriteOnce"], claim.Root.Map("spec").Seq("accessModes").Strings());
        Assert.Empty(built.OfKind("HorizontalPodAutoscaler"));
        Assert.Empty(built.OfKind("Secret"));
    }

    [Fact]
    public void Shared_store_is_stateless_silos_over_dynamodb_with_kubernetes_hosting()
    {
        var built = new RenderedOverlay("shared-store");
        var config = built.Configuration;
        Assert.Equal("DynamoDb", config["Store:Kind"]);
        Assert.Equal("DynamoDb", config["Clustering:Kind"]);
        Assert.Equal("true", config["Orleans:Kubernetes"]);
        foreach (var key in new[] { "Store:DynamoDb:Region", "Store:DynamoDb:TablePrefix", "Store:DynamoDb:CreateTables" })
            Assert.False(string.IsNullOrEmpty(config[key]), key);
        Assert.True(int.Parse(built.Deployment.Root.Map("spec").Str("replicas"), CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("0", built.Deployment.Root.Map("spec").Map("strategy").Map("rollingUpdate").Str("maxUnavailable"));
        Assert.Empty(built.OfKind("PersistentVolumeClaim"));
        Assert.Null(built.Container.Find("volumeMounts") is YamlDotNet.RepresentationModel.YamlSequenceNode mounts
            ? mounts.Maps().FirstOrDefault(m => m.Str("mountPath") != "/tmp") : null);
    }

    [Fact]
    public void Shared_store_pods_get_what_orleans_kubernetes_hosting_reads()
    {
        var built = new RenderedOverlay("shared-store");
        var fields = built.Env.Where(e => e.Find("valueFrom")?.Find("fieldRef") is not null)
            .ToDictionary(e => e.Str("name"), e => e.Map("valueFrom").Map("fieldRef").Str("fieldPath"));
        Assert.Equal("metadata.name", fields["POD_NAME"]);
        Assert.Equal("metadata.namespace", fields["POD_NAMESPACE"]);
        Assert.Equal("status.podIP", fields["POD_IP"]);
        Assert.Equal("metadata.labels['orleans/serviceId']", fields["ORLEANS_SERVICE_ID"]);
        Assert.Equal("metadata.labels['orleans/clusterId']", fields["ORLEANS_CLUSTER_ID"]);
        Assert.Equal(fields["ORLEANS_SERVICE_ID"], fields["Orleans__ServiceId"]);
        Assert.Equal(fields["ORLEANS_CLUSTER_ID"], fields["Orleans__ClusterId"]);
        Assert.False(string.IsNullOrEmpty(built.PodLabels["orleans/serviceId"]));
        Assert.False(string.IsNullOrEmpty(built.PodLabels["orleans/clusterId"]));
        Assert.Equal("true", built.PodSpec.Str("automountServiceAccountToken"));

        var rule = built.OfKind("Role").Single().Root.Seq("rules").Maps().Single();
        Assert.Equal([""], rule.Seq("apiGroups").Strings());
        Assert.Equal(["pods"], rule.Seq("resources").Strings());
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "delete", "patch" }, rule.Seq("verbs").Strings().ToHashSet());
        var binding = built.OfKind("RoleBinding").Single().Root;
        Assert.Equal(built.OfKind("Role").Single().Name, binding.Map("roleRef").Str("name"));
        Assert.Contains(binding.Seq("subjects").Maps(), s => s.Str("kind") == "ServiceAccount" && s.Str("name") == built.PodSpec.Str("serviceAccountName"));

        var secretVariables = built.Env.Where(e => e.Find("valueFrom")?.Find("secretKeyRef") is not null).Select(e => e.Str("name")).ToList();
        Assert.Equal(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"], secretVariables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Shared_store_scales_and_is_disrupted_one_silo_at_a_time()
    {
        var built = new RenderedOverlay("shared-store");
        var budget = built.OfKind("PodDisruptionBudget").Single().Root.Map("spec");
        Assert.Equal("1", budget.Str("maxUnavailable"));
        Assert.All(budget.Map("selector").Map("matchLabels").Scalars(), kv => Assert.Equal(kv.Value, built.PodLabels.GetValueOrDefault(kv.Key)));

        var scaler = built.OfKind("HorizontalPodAutoscaler").Single().Root.Map("spec");
        Assert.Equal(("Deployment", RenderedOverlay.DeploymentName), (scaler.Map("scaleTargetRef").Str("kind"), scaler.Map("scaleTargetRef").Str("name")));
        Assert.True(int.Parse(scaler.Str("minReplicas"), CultureInfo.InvariantCulture) >= 2);
        var scaleDown = scaler.Map("behavior").Map("scaleDown").Seq("policies").Maps().Single();
        Assert.Equal(("Pods", "1"), (scaleDown.Str("type"), scaleDown.Str("value")));
    }
}
