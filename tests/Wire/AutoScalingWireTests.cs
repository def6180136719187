using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>Application Auto Scaling's API for DynamoDB tables and global secondary indexes, driven by the AWS CLI as a user drives it.</summary>
[Collection("wire")]
public class AutoScalingWireTests(SiloFixture fixture)
{
    private Task<(int ExitCode, string Output, string Error)> Cli(params string[] arguments) =>
        AwsCli.RunAsync(fixture.EndpointUrl, ["application-autoscaling", .. arguments]);

    private static string[] Target(string table, string dimension = "WriteCapacityUnits") =>
        ["--service-namespace", "dynamodb", "--resource-id", $"table/{table}", "--scalable-dimension", $"dynamodb:table:{dimension}"];

    private static string Policy(string metric = "DynamoDBWriteCapacityUtilization") =>
        $$"""{"TargetValue":70.0,"PredefinedMetricSpecification":{"PredefinedMetricType":"{{metric}}"},"ScaleOutCooldown":0,"ScaleInCooldown":120}""";

    private static void Succeeded((int ExitCode, string Output, string Error) result) =>
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");

    private static void Failed((int ExitCode, string Output, string Error) result, string type, string message)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"({type})", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_dimension_is_registered_given_a_policy_described_and_removed_with_the_CLI()
    {
        var table = UniqueName("scaling");
        await CreateTable(fixture.Client, table, ("pk", ScalarAttributeType.S));
        Succeeded(await Cli(["register-scalable-target", .. Target(table), "--min-capacity", "5", "--max-capacity", "50"]));
        Succeeded(await Cli(["put-scaling-policy", .. Target(table), "--policy-name", "writes", "--policy-type", "TargetTrackingScaling",
            "--target-tracking-scaling-policy-configuration", Policy()]));
        // Registering again changes the bounds and keeps the policy.
        Succeeded(await Cli(["register-scalable-target", .. Target(table), "--max-capacity", "60"]));

        var targets = await Cli("describe-scalable-targets", "--service-namespace", "dynamodb", "--resource-ids", $"table/{table}");
        Succeeded(targets);
        var target = Assert.Single(JsonDocument.Parse(targets.Output).RootElement.GetProperty("ScalableTargets").EnumerateArray());
        Assert.Equal("dynamodb:table:WriteCapacityUnits", target.GetProperty("ScalableDimension").GetString());
        Assert.Equal(5, target.GetProperty("MinCapacity").GetInt32());
        Assert.Equal(60, target.GetProperty("MaxCapacity").GetInt32());

        var policies = await Cli("describe-scaling-policies", "--service-namespace", "dynamodb", "--resource-id", $"table/{table}");
        Succeeded(policies);
        var policy = Assert.Single(JsonDocument.Parse(policies.Output).RootElement.GetProperty("ScalingPolicies").EnumerateArray());
        Assert.Equal("writes", policy.GetProperty("PolicyName").GetString());
        var configuration = policy.GetProperty("TargetTrackingScalingPolicyConfiguration");
        Assert.Equal(70.0, configuration.GetProperty("TargetValue").GetDouble());
        Assert.Equal(120, configuration.GetProperty("ScaleInCooldown").GetInt32());
        Assert.Equal("DynamoDBWriteCapacityUtilization", configuration.GetProperty("PredefinedMetricSpecification").GetProperty("PredefinedMetricType").GetString());

        Succeeded(await Cli(["delete-scaling-policy", .. Target(table), "--policy-name", "writes"]));
        policies = await Cli("describe-scaling-policies", "--service-namespace", "dynamodb", "--resource-id", $"table/{table}");
        Assert.Empty(JsonDocument.Parse(policies.Output).RootElement.GetProperty("ScalingPolicies").EnumerateArray());
        Succeeded(await Cli(["deregister-scalable-target", .. Target(table)]));
        targets = await Cli("describe-scalable-targets", "--service-namespace", "dynamodb", "--resource-ids", $"table/{table}");
        Assert.Empty(JsonDocument.Parse(targets.Output).RootElement.GetProperty("ScalableTargets").EnumerateArray());
    }

    [Fact]
    public async Task A_global_indexs_dimension_is_registered_given_a_policy_and_described_apart_from_its_tables()
    {
        var table = await RestoreTables.CreateIndexedAsync(fixture.Client, "scaling-index");
        string[] index = ["--service-namespace", "dynamodb", "--resource-id", $"table/{table}/index/byG", "--scalable-dimension", "dynamodb:index:ReadCapacityUnits"];
        Succeeded(await Cli(["register-scalable-target", .. index, "--min-capacity", "5", "--max-capacity", "25"]));
        Succeeded(await Cli(["register-scalable-target", .. Target(table, "ReadCapacityUnits"), "--min-capacity", "10", "--max-capacity", "50"]));
        Succeeded(await Cli(["put-scaling-policy", .. index, "--policy-name", "index-reads", "--policy-type", "TargetTrackingScaling",
            "--target-tracking-scaling-policy-configuration", Policy("DynamoDBReadCapacityUtilization")]));

        var targets = await Cli("describe-scalable-targets", "--service-namespace", "dynamodb", "--resource-ids", $"table/{table}/index/byG");
        Succeeded(targets);
        var target = Assert.Single(JsonDocument.Parse(targets.Output).RootElement.GetProperty("ScalableTargets").EnumerateArray());
        Assert.Equal("dynamodb:index:ReadCapacityUnits", target.GetProperty("ScalableDimension").GetString());
        Assert.Equal(25, target.GetProperty("MaxCapacity").GetInt32());
        var both = await Cli("describe-scalable-targets", "--service-namespace", "dynamodb", "--resource-ids", $"table/{table}", $"table/{table}/index/byG");
        Assert.Equal(2, JsonDocument.Parse(both.Output).RootElement.GetProperty("ScalableTargets").GetArrayLength());
        var tableOnly = await Cli("describe-scalable-targets", "--service-namespace", "dynamodb", "--scalable-dimension", "dynamodb:table:ReadCapacityUnits",
            "--resource-ids", $"table/{table}", $"table/{table}/index/byG");
        Assert.Equal($"table/{table}", Assert.Single(JsonDocument.Parse(tableOnly.Output).RootElement.GetProperty("ScalableTargets").EnumerateArray())
            .GetProperty("ResourceId").GetString());

        var policies = await Cli("describe-scaling-policies", "--service-namespace", "dynamodb", "--resource-id", $"table/{table}/index/byG");
        var policy = Assert.Single(JsonDocument.Parse(policies.Output).RootElement.GetProperty("ScalingPolicies").EnumerateArray());
        Assert.Equal("index-reads", policy.GetProperty("PolicyName").GetString());
        Assert.EndsWith($"table/{table}/index/byG:policyName/index-reads", policy.GetProperty("PolicyARN").GetString());

        // Registering leaves the index's units, already within the bounds, as they were.
        Assert.Equal(5, Assert.Single((await fixture.Client.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);
        Succeeded(await Cli(["deregister-scalable-target", .. index]));
        targets = await Cli("describe-scalable-targets", "--service-namespace", "dynamodb", "--resource-ids", $"table/{table}/index/byG");
        Assert.Empty(JsonDocument.Parse(targets.Output).RootElement.GetProperty("ScalableTargets").EnumerateArray());
    }

    [Fact]
    public async Task Bad_requests_get_Application_Auto_Scaling_errors()
    {
        var table = UniqueName("scaling-bad");
        await CreateTable(fixture.Client, table, ("pk", ScalarAttributeType.S));
        Failed(await Cli(["put-scaling-policy", .. Target(table), "--policy-name", "p", "--policy-type", "TargetTrackingScaling",
            "--target-tracking-scaling-policy-configuration", Policy()]),
            "ObjectNotFoundException", $"No scalable target registered for service namespace: dynamodb, resource ID: table/{table}, scalable dimension: dynamodb:table:WriteCapacityUnits");
        Failed(await Cli(["deregister-scalable-target", .. Target(table, "ReadCapacityUnits")]), "ObjectNotFoundException", "No scalable target registered");
        Failed(await Cli(["register-scalable-target", .. Target(table)]), "ValidationException", "MinCapacity and MaxCapacity are required for registering a new scalable target");
        Failed(await Cli(["register-scalable-target", .. Target(table), "--min-capacity", "10", "--max-capacity", "5"]),
            "ValidationException", "Maximum capacity cannot be less than minimum capacity");
        Failed(await Cli("register-scalable-target", "--service-namespace", "ecs", "--resource-id", $"table/{table}", "--scalable-dimension", "dynamodb:table:ReadCapacityUnits",
            "--min-capacity", "1", "--max-capacity", "5"), "ValidationException", "Unsupported service namespace: ecs");
        Failed(await Cli("register-scalable-target", "--service-namespace", "dynamodb", "--resource-id", $"table/{table}/index/byOwner",
            "--scalable-dimension", "dynamodb:index:ReadCapacityUnits", "--min-capacity", "1", "--max-capacity", "5"),
            "ValidationException", $"DynamoDB global secondary index byOwner does not exist in table {table}");
        Failed(await Cli("register-scalable-target", "--service-namespace", "dynamodb", "--resource-id", $"table/{table}",
            "--scalable-dimension", "dynamodb:index:ReadCapacityUnits", "--min-capacity", "1", "--max-capacity", "5"),
            "ValidationException", $"Scalable dimension dynamodb:index:ReadCapacityUnits does not apply to resource ID table/{table}");
        Failed(await Cli(["register-scalable-target", .. Target(table + "-missing"), "--min-capacity", "1", "--max-capacity", "5"]),
            "ValidationException", $"DynamoDB table does not exist: {table}-missing");

        Succeeded(await Cli(["register-scalable-target", .. Target(table), "--min-capacity", "1", "--max-capacity", "5"]));
        Failed(await Cli(["put-scaling-policy", .. Target(table), "--policy-name", "p", "--policy-type", "TargetTrackingScaling",
            "--target-tracking-scaling-policy-configuration", Policy("DynamoDBReadCapacityUtilization")]),
            "ValidationException", "must be DynamoDBWriteCapacityUtilization");
        Failed(await Cli(["delete-scaling-policy", .. Target(table), "--policy-name", "none"]), "ObjectNotFoundException", "policy name: none");

        var onDemand = UniqueName("scaling-ondemand");
        await CreateTable(fixture.Client, onDemand, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        Failed(await Cli(["register-scalable-target", .. Target(onDemand), "--min-capacity", "1", "--max-capacity", "5"]), "ValidationException", "on-demand");
    }

    [Fact]
    public async Task DescribeTable_counts_the_decreases_of_the_day()
    {
        var table = UniqueName("decreases");
        await CreateTable(fixture.Client, table, ("pk", ScalarAttributeType.S));
        await fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(5, 6) });
        await fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(4, 6) });
        await fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(3, 5) });
        var described = (await fixture.Client.DescribeTableAsync(table)).Table.ProvisionedThroughput;
        Assert.Equal(3, described.NumberOfDecreasesToday);
        Assert.NotNull(described.LastDecreaseDateTime);

        // The fourth decrease of the day is allowed, the fifth only an hour after it; increases are not limited.
        await fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(2, 5) });
        await fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(20, 20) });
        var refused = await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.LimitExceededException>(() =>
            fixture.Client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(20, 19) }));
        Assert.StartsWith("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, "
            + "each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: 4. Last decrease at ",
            refused.Message);
        described = (await fixture.Client.DescribeTableAsync(table)).Table.ProvisionedThroughput;
        Assert.Equal((20, 20, 4), (described.ReadCapacityUnits, described.WriteCapacityUnits, described.NumberOfDecreasesToday));
    }
}
