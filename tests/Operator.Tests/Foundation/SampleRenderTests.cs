using System.Text.Json.Nodes;

namespace Skyforge.Operator.Tests.Foundation;

/// <summary>Each seed sample renders what its row in api.md describes, checked on the parsed render.</summary>
public sealed class SampleRenderTests
{
    private static string Str(JsonNode? node) => node!.GetValue<string>();

    private static double Num(JsonNode? node) => double.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static int Int(JsonNode? node) => checked((int)node!.GetValue<long>());

    [Fact]
    public async Task Palipoint_runs_two_web_services_a_worker_postgres_serverless_redis_and_kafka()
    {
        var render = await Render.OfSampleAsync("palipoint");

        Assert.True(render.Has("Service", "frontend"));
        Assert.True(render.Has("Service", "backend"));
        Assert.False(render.Has("Service", "notification-worker"));
        var worker = Render.Container(render.Get("Deployment", "notification-worker"));
        Assert.Equal(("events-connection", "bootstrapServers"), Render.SecretRef(worker, "KAFKA_BOOTSTRAP_SERVERS"));

        var database = render.Get("ManagedDatabase", "main");
        Assert.Equal("16.3", Str(database["spec"]!["version"]));
        Assert.Equal("db.t3.medium", Str(database["spec"]!["instanceClass"]));
        Assert.Equal("Retain", Str(database["spec"]!["deletionPolicy"]));
        Assert.True(database["spec"]!["deletionProtection"]!.GetValue<bool>());

        var instance = render.CallsTo("CreateDBInstance").Single()["parameters"]!;
        Assert.Equal("postgres", Str(instance["Engine"]));
        Assert.Equal("16.3", Str(instance["EngineVersion"]));
        Assert.Equal("db.t3.medium", Str(instance["DBInstanceClass"]));
        Assert.True(instance["MultiAZ"]!.GetValue<bool>());

        var cache = render.CallsTo("CreateServerlessCache").Single();
        Assert.Equal("ap-south-1", Str(cache["region"]));
        Assert.Equal("redis", Str(cache["parameters"]!["Engine"]));
        Assert.StartsWith("7", Str(cache["parameters"]!["MajorEngineVersion"]));

        Assert.Single(render.CallsTo("CreateClusterV2"));
        var bus = render.Get("MessageBus", "events");
        Assert.Equal("notifications", Str(bus["spec"]!["topics"]![0]!["name"]));
        Assert.Contains(render.OfKind("Job"), job => job.ToJsonString().Contains("notifications"));

        var ingress = render.Get("Ingress", "palipoint");
        Assert.Equal("alb", Str(ingress["spec"]!["ingressClassName"]));
        Assert.Equal("www.palipoint.com", Str(ingress["spec"]!["rules"]![0]!["host"]));
    }

    [Fact]
    public async Task Portfolio_routes_frontend_and_backend_with_rolling_updates_postgres_and_redis()
    {
        var render = await Render.OfSampleAsync("portfolio");

        var frontend = render.Get("Deployment", "frontend");
        Assert.Equal(3000, Int(Render.Container(frontend)["ports"]![0]!["containerPort"]));
        var backend = render.Get("Deployment", "backend");
        var backendContainer = Render.Container(backend);
        Assert.Equal(8000, Int(backendContainer["ports"]![0]!["containerPort"]));
        Assert.Equal("/api/v1/health", Str(backendContainer["readinessProbe"]!["httpGet"]!["path"]));
        Assert.Equal("/api/v1/health", Str(backendContainer["livenessProbe"]!["httpGet"]!["path"]));
        Assert.Equal("256m", Str(backendContainer["resources"]!["requests"]!["cpu"]));
        Assert.Equal("512Mi", Str(backendContainer["resources"]!["requests"]!["memory"]));
        var rolling = backend["spec"]!["strategy"]!["rollingUpdate"]!;
        Assert.Equal("100%", Str(rolling["maxSurge"]));
        Assert.Equal("0%", Str(rolling["maxUnavailable"]));
        Assert.Null(backend["spec"]!["replicas"]);

        var hpa = render.Get("HorizontalPodAutoscaler", "backend")["spec"]!;
        Assert.Equal(1, Int(hpa["minReplicas"]));
        Assert.Equal(4, Int(hpa["maxReplicas"]));
        Assert.Equal(70, Int(hpa["metrics"]![0]!["resource"]!["target"]!["averageUtilization"]));

        var ingress = render.Get("Ingress", "portfolio");
        var paths = ingress["spec"]!["rules"]![0]!["http"]!["paths"]!.AsArray();
        Assert.Equal(["/api", "/"], paths.Select(p => Str(p!["path"])));
        Assert.Equal("backend", Str(paths[0]!["backend"]!["service"]!["name"]));
        var annotations = ingress["metadata"]!["annotations"]!;
        Assert.StartsWith("arn:aws:acm:us-east-1:", Str(annotations["alb.ingress.kubernetes.io/certificate-arn"]));
        Assert.Equal("443", Str(annotations["alb.ingress.kubernetes.io/ssl-redirect"]));
        Assert.Equal("ip", Str(annotations["alb.ingress.kubernetes.io/target-type"]));

        var instance = render.CallsTo("CreateDBInstance").Single()["parameters"]!;
        Assert.Equal("db.t4g.micro", Str(instance["DBInstanceClass"]));
        Assert.Equal(20, Int(instance["AllocatedStorage"]));
        Assert.Equal("gp3", Str(instance["StorageType"]));
        Assert.Equal(7, Int(instance["BackupRetentionPeriod"]));
        Assert.Equal("03:00-04:00", Str(instance["PreferredBackupWindow"]));
        Assert.Equal("mon:04:00-mon:05:00", Str(instance["PreferredMaintenanceWindow"]));
        Assert.True(instance["DeletionProtection"]!.GetValue<bool>());

        var group = render.CallsTo("CreateReplicationGroup").Single()["parameters"]!;
        Assert.Equal(5, Int(group["SnapshotRetentionLimit"]));
        Assert.Equal("03:00-05:00", Str(group["SnapshotWindow"]));
        var eviction = render.CallsTo("ModifyCacheParameterGroup").Single()["parameters"]!.ToJsonString();
        Assert.Contains("maxmemory-policy", eviction);
        Assert.Contains("allkeys-lru", eviction);
    }

    [Fact]
    public async Task Shangwellness_scales_on_cpu_and_memory_runs_aurora_serverless_and_a_canary()
    {
        var render = await Render.OfSampleAsync("shangwellness");

        var web = Render.Container(render.Get("Deployment", "web"));
        Assert.Equal(80, Int(web["ports"]![0]!["containerPort"]));
        Assert.Equal("/healthcheck", Str(web["readinessProbe"]!["httpGet"]!["path"]));
        Assert.Equal(0, Int(render.Get("Deployment", "web-canary")["spec"]!["replicas"]));

        var hpa = render.Get("HorizontalPodAutoscaler", "web")["spec"]!;
        Assert.Equal(2, Int(hpa["minReplicas"]));
        Assert.Equal(10, Int(hpa["maxReplicas"]));
        var targets = hpa["metrics"]!.AsArray().ToDictionary(m => Str(m!["resource"]!["name"]), m => Int(m!["resource"]!["target"]!["averageUtilization"]));
        Assert.Equal(70, targets["cpu"]);
        Assert.Equal(80, targets["memory"]);

        Assert.True(render.Has("Service", "web-canary"));
        var action = JsonNode.Parse(Str(render.Get("Ingress", "shangwellness")["metadata"]!["annotations"]!["alb.ingress.kubernetes.io/actions.web"]))!;
        var weights = action["forwardConfig"]!["targetGroups"]!.AsArray().Select(g => Int(g!["weight"])).ToList();
        Assert.Equal([100, 0], weights);

        var cluster = render.CallsTo("CreateDBCluster").Single()["parameters"]!;
        Assert.Equal("aurora-mysql", Str(cluster["Engine"]));
        Assert.Equal(0.5, Num(cluster["ServerlessV2ScalingConfiguration"]!["MinCapacity"]));
        Assert.Equal(8, Num(cluster["ServerlessV2ScalingConfiguration"]!["MaxCapacity"]));
        Assert.All(render.CallsTo("CreateDBInstance"), call => Assert.Equal("db.serverless", Str(call["parameters"]!["DBInstanceClass"])));
        Assert.NotEmpty(render.CallsTo("CreateSecret"));
        Assert.Equal(("aurora-connection", "password"), Render.SecretRef(web, "DB_PASSWORD"));
    }

    [Fact]
    public async Task Wallet_runs_aurora_with_two_readers_redis_cluster_msk_a_generated_key_and_monitoring()
    {
        var render = await Render.OfSampleAsync("wallet");

        var instances = render.CallsTo("CreateDBInstance");
        Assert.Equal(3, instances.Count);
        Assert.All(instances, call => Assert.Equal("db.r6g.large", Str(call["parameters"]!["DBInstanceClass"])));
        Assert.Equal("aurora-mysql", Str(render.CallsTo("CreateDBCluster").Single()["parameters"]!["Engine"]));
        var container = Render.Container(render.Get("Deployment", "wallet-service"));
        Assert.Equal(("ledger-connection", "readerHost"), Render.SecretRef(container, "DB_READER_HOST"));
        Assert.Equal(("api-key", "key"), Render.SecretRef(container, "API_KEY_KEY"));

        var group = render.CallsTo("CreateReplicationGroup").Single()["parameters"]!;
        Assert.Equal("cache.r6g.large", Str(group["CacheNodeType"]));
        Assert.Equal(2, Int(group["NumNodeGroups"]));
        Assert.Equal(2, Int(group["ReplicasPerNodeGroup"]));

        var msk = render.CallsTo("CreateClusterV2").Single()["parameters"]!["provisioned"]!;
        Assert.Equal(3, Int(msk["numberOfBrokerNodes"]));
        Assert.Equal("kafka.m5.large", Str(msk["brokerNodeGroupInfo"]!["instanceType"]));
        Assert.Equal(100, Int(msk["brokerNodeGroupInfo"]!["storageInfo"]!["ebsStorageInfo"]!["volumeSize"]));

        Assert.Contains(render.CallsTo("CreateSecret"), call => call["metadata"]!["name"]!.GetValue<string>() == "api-key");
        Assert.True(render.Has("ServiceMonitor", "wallet"));
        var alerts = render.Get("PrometheusRule", "wallet").ToJsonString();
        Assert.Contains("HighCpu", alerts);
        Assert.Contains("HighMemory", alerts);
        Assert.StartsWith("arn:aws:wafv2:", Str(render.Get("Ingress", "wallet")["metadata"]!["annotations"]!["alb.ingress.kubernetes.io/wafv2-acl-arn"]));
        Assert.Equal("arn:aws:iam::111122223333:role/wallet-service",
            Str(render.Get("ServiceAccount", "wallet-service")["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]));
    }

    [Fact]
    public async Task Cloud_design_uses_nodeports_traefik_rabbitmq_in_cluster_and_one_postgres_with_two_databases()
    {
        var render = await Render.OfSampleAsync("cloud-design");

        var nodePorts = new[] { "api-gateway", "inventory", "billing" }
            .Select(name => render.Get("Service", name)["spec"]!)
            .Select(spec => (Str(spec["type"]), Int(spec["ports"]![0]!["nodePort"])))
            .ToList();
        Assert.Equal([("NodePort", 30000), ("NodePort", 30001), ("NodePort", 30002)], nodePorts);
        Assert.False(render.Has("Service", "billing-worker"));

        var hpa = render.Get("HorizontalPodAutoscaler", "api-gateway")["spec"]!;
        Assert.Equal(2, Int(hpa["minReplicas"]));
        Assert.Equal(5, Int(hpa["maxReplicas"]));
        Assert.Equal(300, Int(hpa["behavior"]!["scaleDown"]!["stabilizationWindowSeconds"]));
        Assert.Equal("traefik", Str(render.Get("Ingress", "cloud-design")["spec"]!["ingressClassName"]));

        var statefulSet = render.OfKind("StatefulSet").Single();
        Assert.Contains("rabbitmq:3.12", Str(Render.Container(statefulSet)["image"]));
        Assert.Contains(render.OfKind("Job"), job => job.ToJsonString().Contains("orders"));

        var instance = render.CallsTo("CreateDBInstance").Single()["parameters"]!;
        Assert.Equal("postgres", Str(instance["Engine"]));
        Assert.StartsWith("15", Str(instance["EngineVersion"]));
        Assert.Equal("db.t3.micro", Str(instance["DBInstanceClass"]));
        var setup = render.OfKind("ConfigMap").Single(c => c.ToJsonString().Contains("CREATE DATABASE"));
        Assert.Contains("inventory", setup.ToJsonString());
        Assert.Contains("billing", setup.ToJsonString());
        var setupName = Str(setup["metadata"]!["name"]);
        Assert.Contains(render.OfKind("Job"), job => job.ToJsonString().Contains(setupName));
    }

    [Fact]
    public async Task Pod_specs_carry_the_restricted_security_context_and_standard_labels()
    {
        var render = await Render.OfSampleAsync("portfolio");
        foreach (var deployment in render.OfKind("Deployment"))
        {
            var pod = deployment["spec"]!["template"]!;
            var container = Render.Container(deployment);
            Assert.True(container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
            Assert.False(container["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
            Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(Str));
            Assert.True(pod["spec"]!["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
            Assert.Equal("RuntimeDefault", Str(pod["spec"]!["securityContext"]!["seccompProfile"]!["type"]));
            Assert.Contains(pod["spec"]!["topologySpreadConstraints"]!.AsArray(), c => Str(c!["topologyKey"]) == "topology.kubernetes.io/zone");
            Assert.Equal("skyforge", Str(deployment["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]));
            Assert.Equal("portfolio", Str(deployment["metadata"]!["labels"]!["app.kubernetes.io/part-of"]));
        }
    }
}
