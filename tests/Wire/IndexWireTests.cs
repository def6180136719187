using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>Secondary indexes through the AWS SDK: CreateTable with indexes, Query on them, UpdateTable adding and deleting a global index, DescribeTable.</summary>
[Collection("wire")]
public class IndexWireTests(SiloFixture fixture)
{
    private async Task<string> CreateIndexedTable()
    {
        var name = UniqueName("idx");
        await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions =
            [
                new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S),
                new AttributeDefinition("score", ScalarAttributeType.N), new AttributeDefinition("city", ScalarAttributeType.S),
            ],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex
                {
                    IndexName = "byScore",
                    KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("score", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "byCity",
                    KeySchema = [new KeySchemaElement("city", KeyType.HASH), new KeySchemaElement("score", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["note"] },
                },
            ],
        });
        for (var i = 0; i < 6; i++)
            await fixture.Client.PutItemAsync(new PutItemRequest
            {
                TableName = name,
                Item = Item(("pk", S("p")), ("sk", S($"s{i}")), ("score", N($"{10 - i}")), ("city", S(i % 2 == 0 ? "Oslo" : "Rome")), ("note", S($"n{i}")), ("x", S("y"))),
            });
        return name;
    }

    /// <summary>Global indexes are eventually consistent: query until the expected count shows up (or give up after 10 s).</summary>
    private async Task<QueryResponse> QueryGlobalAsync(QueryRequest request, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await fixture.Client.QueryAsync(request);
            if (response.Count == expected || DateTime.UtcNow > deadline) return response;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Query_on_local_and_global_indexes_and_DescribeTable_reports_them()
    {
        var name = await CreateIndexedTable();
        var local = await fixture.Client.QueryAsync(new QueryRequest
        {
            TableName = name, IndexName = "byScore", KeyConditionExpression = "pk = :p AND score BETWEEN :lo AND :hi",
            ExpressionAttributeValues = Item((":p", S("p")), (":lo", N("6")), (":hi", N("9"))), Limit = 2, ConsistentRead = true,
        });
        Assert.Equal(["s4", "s3"], local.Items.Select(i => i["sk"].S));
        Assert.Equal(["pk", "score", "sk"], local.Items[0].Keys.Order());
        Assert.Equal(["pk", "score", "sk"], local.LastEvaluatedKey.Keys.Order());
        var next = await fixture.Client.QueryAsync(new QueryRequest
        {
            TableName = name, IndexName = "byScore", KeyConditionExpression = "pk = :p AND score BETWEEN :lo AND :hi",
            ExpressionAttributeValues = Item((":p", S("p")), (":lo", N("6")), (":hi", N("9"))), ExclusiveStartKey = local.LastEvaluatedKey,
        });
        Assert.Equal(["s2", "s1"], next.Items.Select(i => i["sk"].S));

        var global = await QueryGlobalAsync(new QueryRequest
        {
            TableName = name, IndexName = "byCity", KeyConditionExpression = "city = :c",
            ExpressionAttributeValues = Item((":c", S("Oslo"))),
        }, 3);
        Assert.Equal(["s4", "s2", "s0"], global.Items.Select(i => i["sk"].S));
        Assert.Equal(["city", "note", "pk", "score", "sk"], global.Items[0].Keys.Order());

        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.QueryAsync(new QueryRequest
        {
            TableName = name, IndexName = "byCity", KeyConditionExpression = "city = :c", ConsistentRead = true,
            ExpressionAttributeValues = Item((":c", S("Oslo"))),
        }));
        Assert.Equal("Consistent reads are not supported on global secondary indexes", e.Message);

        var described = (await fixture.Client.DescribeTableAsync(name)).Table;
        var lsi = Assert.Single(described.LocalSecondaryIndexes);
        Assert.Equal("byScore", lsi.IndexName);
        Assert.Equal(6, lsi.ItemCount);
        Assert.Equal($"{described.TableArn}/index/byScore", lsi.IndexArn);
        Assert.Equal(ProjectionType.KEYS_ONLY, lsi.Projection.ProjectionType);
        var gsi = Assert.Single(described.GlobalSecondaryIndexes);
        Assert.Equal(IndexStatus.ACTIVE, gsi.IndexStatus);
        Assert.Equal(["note"], gsi.Projection.NonKeyAttributes);
        Assert.Equal(["city", "score"], gsi.KeySchema.Select(k => k.AttributeName));
        Assert.True(gsi.IndexSizeBytes > 0);
        Assert.DoesNotContain((await fixture.Client.ListTablesAsync()).TableNames, n => n.Contains('/'));

        var put = await fixture.Client.PutItemAsync(new PutItemRequest
        {
            TableName = name, Item = Item(("pk", S("q")), ("sk", S("a"))), ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE,
        });
        Assert.Equal("q", put.ItemCollectionMetrics.ItemCollectionKey["pk"].S);
        Assert.Equal(2, put.ItemCollectionMetrics.SizeEstimateRangeGB.Count);
    }

    [Fact]
    public async Task BatchWriteItem_and_TransactWriteItems_return_item_collection_metrics_of_tables_with_local_indexes()
    {
        var name = await CreateIndexedTable();
        var plain = UniqueName("plain");
        await CreateTable(fixture.Client, plain, ("pk", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);

        var batch = await fixture.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>>
            {
                [name] =
                [
                    new WriteRequest(new PutRequest(Item(("pk", S("p")), ("sk", S("new")), ("score", N("1"))))),
                    new WriteRequest(new DeleteRequest(Item(("pk", S("p")), ("sk", S("s0"))))),
                    new WriteRequest(new PutRequest(Item(("pk", S("other")), ("sk", S("a"))))),
                ],
                [plain] = [new WriteRequest(new PutRequest(Item(("pk", S("x")))))],
            },
            ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE,
        });
        Assert.Equal([name], batch.ItemCollectionMetrics.Keys);
        var collections = batch.ItemCollectionMetrics[name];
        Assert.Equal(["other", "p"], collections.Select(c => c.ItemCollectionKey["pk"].S).Order());
        Assert.All(collections, c => Assert.Equal([0d, 1d], c.SizeEstimateRangeGB));

        var unasked = await fixture.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>> { [name] = [new WriteRequest(new PutRequest(Item(("pk", S("q")), ("sk", S("a")))))] },
        });
        Assert.True(unasked.ItemCollectionMetrics is null or { Count: 0 });

        var transaction = await fixture.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = name, Item = Item(("pk", S("t")), ("sk", S("1")), ("score", N("3"))) } },
                new TransactWriteItem { Update = new Update { TableName = name, Key = Item(("pk", S("p")), ("sk", S("s1"))), UpdateExpression = "SET note = :n", ExpressionAttributeValues = Item((":n", S("changed"))) } },
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = name, Key = Item(("pk", S("p")), ("sk", S("s2"))), ConditionExpression = "attribute_exists(pk)" } },
                new TransactWriteItem { Put = new Put { TableName = plain, Item = Item(("pk", S("y"))) } },
            ],
            ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE,
        });
        Assert.Equal([name], transaction.ItemCollectionMetrics.Keys);
        Assert.Equal(["p", "t"], transaction.ItemCollectionMetrics[name].Select(c => c.ItemCollectionKey["pk"].S).Order());
        Assert.All(transaction.ItemCollectionMetrics[name], c => Assert.Equal([0d, 1d], c.SizeEstimateRangeGB));
    }

    [Fact]
    public async Task UpdateTable_adds_a_global_index_with_a_backfill_and_deletes_it()
    {
        var name = await CreateIndexedTable();
        var updated = await fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new AttributeDefinition("x", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates =
            [
                new GlobalSecondaryIndexUpdate
                {
                    Create = new CreateGlobalSecondaryIndexAction
                    {
                        IndexName = "byX",
                        KeySchema = [new KeySchemaElement("x", KeyType.HASH)],
                        Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    },
                },
            ],
        });
        var creating = updated.TableDescription.GlobalSecondaryIndexes.Single(i => i.IndexName == "byX");
        Assert.Equal(IndexStatus.CREATING, creating.IndexStatus);
        Assert.True(creating.Backfilling);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        GlobalSecondaryIndexDescription byX;
        do
        {
            byX = (await fixture.Client.DescribeTableAsync(name)).Table.GlobalSecondaryIndexes.Single(i => i.IndexName == "byX");
            if (byX.IndexStatus == IndexStatus.ACTIVE) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(IndexStatus.ACTIVE, byX.IndexStatus);
        var backfilled = await QueryGlobalAsync(new QueryRequest
        {
            TableName = name, IndexName = "byX", KeyConditionExpression = "x = :x", ExpressionAttributeValues = Item((":x", S("y"))),
        }, 6);
        Assert.Equal(6, backfilled.Count);
        Assert.Equal("n0", backfilled.Items.Single(i => i["sk"].S == "s0")["note"].S);

        var deleted = await fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "byX" } }],
        });
        Assert.DoesNotContain(deleted.TableDescription.GlobalSecondaryIndexes, i => i.IndexName == "byX");
        Assert.DoesNotContain(deleted.TableDescription.AttributeDefinitions, d => d.AttributeName == "x");
        var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.QueryAsync(new QueryRequest
        {
            TableName = name, IndexName = "byX", KeyConditionExpression = "x = :x", ExpressionAttributeValues = Item((":x", S("y"))),
        }));
        Assert.Equal("The table does not have the specified index: byX", e.Message);
    }

    [Fact]
    public async Task CreateTable_checks_indexes_with_AWS_messages()
    {
        async Task<string> Fails(CreateTableRequest request) => (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => fixture.Client.CreateTableAsync(request))).Message;
        CreateTableRequest Request(params AttributeDefinition[] extra) => new()
        {
            TableName = UniqueName("bad"),
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S), .. extra],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        };
        var unused = Request(new AttributeDefinition("a", ScalarAttributeType.S));
        unused.LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "byA", KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
        Assert.Equal("One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: [pk, sk, a], keys used: [pk, sk]", await Fails(unused));

        var otherHash = Request(new AttributeDefinition("a", ScalarAttributeType.S));
        otherHash.LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "byA", KeySchema = [new("a", KeyType.HASH), new("sk", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
        Assert.Equal("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: byA. index hash key: a, table hash key: pk", await Fails(otherHash));

        var nonKey = Request(new AttributeDefinition("a", ScalarAttributeType.S));
        nonKey.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "byA", KeySchema = [new("a", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL, NonKeyAttributes = ["b"] } }];
        Assert.Equal("One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified", await Fails(nonKey));

        var tooMany = Request(new AttributeDefinition("a", ScalarAttributeType.S));
        tooMany.LocalSecondaryIndexes = Enumerable.Range(0, 6).Select(i => new LocalSecondaryIndex
        {
            IndexName = $"lsi{i}", KeySchema = [new("pk", KeyType.HASH), new("a", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
        }).ToList();
        Assert.Equal("One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5", await Fails(tooMany));
    }
}
