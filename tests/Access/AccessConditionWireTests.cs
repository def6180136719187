using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Access.PolicySiloFixture;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Access;

/// <summary>Policies with ARN operators, tag conditions and replica permissions, over the wire with requests the AWS SDK signs.</summary>
public sealed class AccessConditionWireTests(PolicySiloFixture fixture) : IClassFixture<PolicySiloFixture>
{
    private const string TableArn = "arn:aws:dynamodb:local:000000000000:table/";

    private static async Task<AmazonDynamoDBException> Denied(Func<Task> request, string key, string action, string resource, bool explicitDeny = false)
    {
        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(request);
        Assert.Equal("AccessDeniedException", e.ErrorCode);
        Assert.Equal($"User: arn:aws:iam::000000000000:user/{key} is not authorized to perform: {action} on resource: {resource} "
            + (explicitDeny ? "with an explicit deny in an identity-based policy" : $"because no identity-based policy allows the {action} action"), e.Message);
        return e;
    }

    [Fact]
    public async Task The_ARN_operators_test_the_ARN_of_the_user_the_key_signs_as()
    {
        using var admin = fixture.Client(Admin);
        var table = UniqueName("arn");
        var locked = UniqueName("locked");
        await CreateTable(admin, table, ("pk", ScalarAttributeType.S));
        await CreateTable(admin, locked, ("pk", ScalarAttributeType.S));
        await admin.PutItemAsync(table, Item(("pk", S("a")), ("v", S("1"))));
        using var client = fixture.Client(ArnKey);
        var key = Item(("pk", S("a")));

        // ArnLike: a match allows, a mismatch does not.
        Assert.Equal("1", (await client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true })).Item["v"].S);
        await Denied(() => client.QueryAsync(new QueryRequest
        {
            TableName = table, KeyConditionExpression = "pk = :p", ExpressionAttributeValues = new() { [":p"] = S("a") },
        }), ArnKey, "dynamodb:Query", TableArn + table);
        // ArnEquals (with a policy variable in its value).
        await client.PutItemAsync(table, Item(("pk", S("b"))));
        await Denied(() => client.ScanAsync(new ScanRequest { TableName = table }), ArnKey, "dynamodb:Scan", TableArn + table);
        // ArnNotEquals: another principal's ARN allows, the key's own does not.
        await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = key, UpdateExpression = "SET v = :v", ExpressionAttributeValues = new() { [":v"] = S("2") },
        });
        await Denied(() => client.DeleteItemAsync(table, key), ArnKey, "dynamodb:DeleteItem", TableArn + table);
        // ArnNotLike.
        Assert.Single((await client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [table] = new KeysAndAttributes { Keys = [key] } } })).Responses[table]);
        await Denied(() => client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [table] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("c"))) } }] },
        }), ArnKey, "dynamodb:BatchWriteItem", TableArn + table);
        // ArnLikeIfExists in a Deny: the key's ARN is there and matches.
        await Denied(() => client.GetItemAsync(new GetItemRequest { TableName = locked, Key = key }), ArnKey, "dynamodb:GetItem", TableArn + locked, explicitDeny: true);

        var stored = await admin.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        Assert.Equal(["a:2", "b:"], stored.Items.Select(i => $"{i["pk"].S}:{(i.TryGetValue("v", out var v) ? v.S : "")}").Order());
    }

    [Fact]
    public async Task Resource_tags_allow_what_a_table_s_tags_allow_and_a_tag_change_applies_to_the_next_request()
    {
        using var admin = fixture.Client(Admin);
        var table = UniqueName("tagged");
        await admin.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("g", ScalarAttributeType.S)],
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "byG", KeySchema = [new KeySchemaElement("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        var arn = TableArn + table;
        await admin.PutItemAsync(table, Item(("pk", S("a")), ("g", S("x"))));
        using var client = fixture.Client(TagsKey);
        var get = new GetItemRequest { TableName = table, Key = Item(("pk", S("a"))), ConsistentRead = true };

        await Denied(() => client.GetItemAsync(get), TagsKey, "dynamodb:GetItem", arn);
        // aws:RequestTag: only env=staging or env=dev may be set.
        await Denied(() => client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "env", Value = "prod" }] }), TagsKey, "dynamodb:TagResource", arn);
        await client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "env", Value = "staging" }] });
        Assert.Equal("x", (await client.GetItemAsync(get)).Item["g"].S);
        await client.QueryAsync(new QueryRequest
        {
            TableName = table, IndexName = "byG", KeyConditionExpression = "g = :g", ExpressionAttributeValues = new() { [":g"] = S("x") },
        });
        // aws:TagKeys: no other key than env and owner.
        await Denied(() => client.TagResourceAsync(new TagResourceRequest
        {
            ResourceArn = arn, Tags = [new Tag { Key = "env", Value = "staging" }, new Tag { Key = "cost", Value = "1" }],
        }), TagsKey, "dynamodb:TagResource", arn);

        // A tag compared with a policy variable: updates of the tables the key owns.
        var update = new UpdateItemRequest { TableName = table, Key = Item(("pk", S("a"))), UpdateExpression = "SET v = :v", ExpressionAttributeValues = new() { [":v"] = S("1") } };
        await Denied(() => client.UpdateItemAsync(update), TagsKey, "dynamodb:UpdateItem", arn);
        await client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "env", Value = "staging" }, new Tag { Key = "owner", Value = TagsKey }] });
        await client.UpdateItemAsync(update);
        // UntagResource's aws:TagKeys: owner may go, env may not.
        await Denied(() => client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["env"] }), TagsKey, "dynamodb:UntagResource", arn);
        await client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["owner"] });
        await Denied(() => client.UpdateItemAsync(update), TagsKey, "dynamodb:UpdateItem", arn);

        // A tag in a Deny; and the admin's tag changes apply to this key's next request too.
        await client.PutItemAsync(table, Item(("pk", S("b"))));
        await client.DeleteItemAsync(table, Item(("pk", S("b"))));
        await admin.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "locked", Value = "true" }] });
        await Denied(() => client.DeleteItemAsync(table, Item(("pk", S("a")))), TagsKey, "dynamodb:DeleteItem", arn, explicitDeny: true);
        await admin.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["env"] });
        await Denied(() => client.GetItemAsync(get), TagsKey, "dynamodb:GetItem", arn);
        Assert.True(HasItem((await admin.GetItemAsync(get)).Item));
    }

    [Fact]
    public async Task Tables_may_be_created_only_with_the_tags_the_policy_asks_for()
    {
        using var client = fixture.Client(TagsKey);
        CreateTableRequest Create(string name, params Tag[] tags) => new()
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Tags = tags.Length == 0 ? null : [.. tags],
        };
        var untagged = UniqueName("untagged");
        await Denied(() => client.CreateTableAsync(Create(untagged)), TagsKey, "dynamodb:CreateTable", TableArn + untagged);
        var prod = UniqueName("prod");
        await Denied(() => client.CreateTableAsync(Create(prod, new Tag { Key = "env", Value = "prod" })), TagsKey, "dynamodb:CreateTable", TableArn + prod);
        var dev = UniqueName("dev");
        await client.CreateTableAsync(Create(dev, new Tag { Key = "env", Value = "dev" }));
        using var admin = fixture.Client(Admin);
        Assert.Equal([dev], (await admin.ListTablesAsync()).TableNames.Where(n => n == dev || n == prod || n == untagged));
    }

    [Fact]
    public async Task A_replica_is_created_only_with_CreateTableReplica_and_deleted_only_with_DeleteTableReplica_on_the_table()
    {
        var (ok, no) = await TwoReplicableTables();
        using var client = fixture.Client(ReplicaKey);
        UpdateTableRequest Replica(string name, bool create) => new()
        {
            TableName = name,
            ReplicaUpdates = [create
                ? new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = "eu-west-1" } }
                : new ReplicationGroupUpdate { Delete = new DeleteReplicationGroupMemberAction { RegionName = "eu-west-1" } }],
        };

        await Denied(() => client.UpdateTableAsync(Replica(no, create: true)), ReplicaKey, "dynamodb:CreateTableReplica", TableArn + no);
        // Allowed: the request goes on, to find that this silo knows no region eu-west-1.
        var unknownRegion = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.UpdateTableAsync(Replica(ok, create: true)));
        Assert.Equal("ValidationException", unknownRegion.ErrorCode);
        Assert.Contains("Region eu-west-1 is not configured", unknownRegion.Message);
        await Denied(() => client.UpdateTableAsync(Replica(ok, create: false)), ReplicaKey, "dynamodb:DeleteTableReplica", TableArn + ok);
        // UpdateTable without ReplicaUpdates needs UpdateTable only.
        await client.UpdateTableAsync(new UpdateTableRequest { TableName = no, DeletionProtectionEnabled = false });
    }

    [Fact]
    public async Task Global_tables_of_version_2017_are_made_and_changed_only_with_the_action_on_the_global_table_and_on_its_table()
    {
        var (ok, no) = await TwoReplicableTables();
        using var client = fixture.Client(ReplicaKey);
        CreateGlobalTableRequest Create(string name) => new() { GlobalTableName = name, ReplicationGroup = [new Replica { RegionName = "local" }] };
        UpdateGlobalTableRequest Update(string name) => new()
        {
            GlobalTableName = name, ReplicaUpdates = [new ReplicaUpdate { Create = new CreateReplicaAction { RegionName = "eu-west-1" } }],
        };

        await Denied(() => client.CreateGlobalTableAsync(Create(no)), ReplicaKey, "dynamodb:CreateGlobalTable", TableArn + no);
        Assert.Equal(ok, (await client.CreateGlobalTableAsync(Create(ok))).GlobalTableDescription.GlobalTableName);
        await Denied(() => client.UpdateGlobalTableAsync(Update(no)), ReplicaKey, "dynamodb:UpdateGlobalTable", TableArn + no);
        // Allowed: the request goes on, to find that this silo knows no region eu-west-1.
        var unknownRegion = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.UpdateGlobalTableAsync(Update(ok)));
        Assert.Equal(("ValidationException", true), (unknownRegion.ErrorCode, unknownRegion.Message.Contains("Region eu-west-1 is not configured", StringComparison.Ordinal)));
    }

    private static Task CreateReplicableTable(AmazonDynamoDBClient admin, string name) => admin.CreateTableAsync(new CreateTableRequest
    {
        TableName = name,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
        StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
    });

    /// <summary>Two tables a replica may be made of: one the replica key's policy names, one it does not.</summary>
    private async Task<(string Ok, string No)> TwoReplicableTables()
    {
        using var admin = fixture.Client(Admin);
        var ok = UniqueName("replicated-ok");
        var no = UniqueName("replicated-no");
        foreach (var name in new[] { ok, no })
            await CreateReplicableTable(admin, name);
        return (ok, no);
    }
}
