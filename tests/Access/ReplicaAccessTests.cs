using System.Text.Json;
using DataTier.Silo.DynamoDb.Access;
using Xunit;

namespace DataTier.Tests.Access;

/// <summary>What requests on replicas and global tables need: AWS's permissions in the replica's region, the global table and its table.</summary>
public sealed class ReplicaAccessTests
{
    private const string Table = "arn:aws:dynamodb:local:000000000000:table/Music";
    private const string GlobalTable = "arn:aws:dynamodb::000000000000:global-table/Music";

    private static List<string> Needs(string operation, string json) =>
        RequestedAccess.Of(operation, JsonDocument.Parse(json).RootElement).Select(n => $"{n.Action} {n.Resource}").ToList();

    [Fact]
    public void Creating_a_replica_needs_what_AWS_asks_in_its_region_on_the_table_and_deleting_one_DeleteTableReplica()
    {
        Assert.Equal(
            new[] { "UpdateTable", "CreateTable", "CreateTableReplica", "Scan", "Query", "UpdateItem", "PutItem", "GetItem", "DeleteItem", "BatchWriteItem" }
                .Select(a => $"dynamodb:{a} {Table}"),
            Needs("UpdateTable", """{"TableName":"Music","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}},{"Create":{"RegionName":"us-east-2"}}]}"""));
        Assert.Equal([$"dynamodb:UpdateTable {Table}", $"dynamodb:DeleteTable {Table}", $"dynamodb:DeleteTableReplica {Table}"],
            Needs("UpdateTable", """{"TableName":"Music","ReplicaUpdates":[{"Delete":{"RegionName":"eu-west-1"}}]}"""));
        Assert.Equal([$"dynamodb:UpdateTable {Table}"],
            Needs("UpdateTable", """{"TableName":"Music","ReplicaUpdates":[{"Update":{"RegionName":"eu-west-1","ReadCapacityUnits":5}}]}"""));
        Assert.Equal([$"dynamodb:UpdateTable {Table}"], Needs("UpdateTable", """{"TableName":"Music","BillingMode":"PAY_PER_REQUEST"}"""));
    }

    [Fact]
    public void Global_tables_of_version_2017_need_the_global_table_and_its_table_to_be_made_or_changed_and_the_global_table_to_be_read()
    {
        Assert.Equal([$"dynamodb:CreateGlobalTable {GlobalTable}", $"dynamodb:CreateGlobalTable {Table}"],
            Needs("CreateGlobalTable", """{"GlobalTableName":"Music","ReplicationGroup":[{"RegionName":"eu-west-1"}]}"""));
        Assert.Equal([$"dynamodb:UpdateGlobalTable {GlobalTable}", $"dynamodb:UpdateGlobalTable {Table}"],
            Needs("UpdateGlobalTable", """{"GlobalTableName":"Music","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]}"""));
        Assert.Equal([$"dynamodb:DescribeGlobalTable {GlobalTable}"], Needs("DescribeGlobalTable", """{"GlobalTableName":"Music"}"""));
    }

    [Fact]
    public void A_policy_that_allows_UpdateTable_but_not_CreateTableReplica_refuses_a_new_replica()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": ["dynamodb:UpdateTable", "dynamodb:CreateTable", "dynamodb:Scan", "dynamodb:Query", "dynamodb:*Item"], "Resource": "*" } ] }
            """);
        var needs = RequestedAccess.Of("UpdateTable", JsonDocument.Parse("""{"TableName":"Music","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]}""").RootElement);
        Assert.Equal(["dynamodb:CreateTableReplica"], needs.Where(n => policy.Decide(n.Action, n.Resource) != AccessDecision.Allowed).Select(n => n.Action));
    }
}
