using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>The silo's DynamoDB endpoint through the AWS SDK's low-level client, over real HTTP.</summary>
[Collection("wire")]
public class LowLevelClientTests(SiloFixture fixture)
{
    private readonly IAmazonDynamoDB _db = fixture.Client;

    // ---------------------------------------------------------------- tables

    public static TheoryData<string, string> HashOnlyTables => new()
    {
        { "S", "PROVISIONED" }, { "N", "PROVISIONED" }, { "B", "PROVISIONED" },
        { "S", "PAY_PER_REQUEST" }, { "N", "PAY_PER_REQUEST" }, { "B", "PAY_PER_REQUEST" },
    };

    [Theory]
    [MemberData(nameof(HashOnlyTables))]
    public async Task CreateTable_hash_only_key_of_each_type_and_billing_mode(string keyType, string billing)
    {
        var name = UniqueName("hash-" + keyType);
        var before = DateTime.UtcNow.AddMinutes(-1);
        var created = await CreateTable(_db, name, ("id", new ScalarAttributeType(keyType)), billing: new BillingMode(billing));

        Assert.Equal(name, created.TableName);
        Assert.Equal(TableStatus.ACTIVE, created.TableStatus);
        var key = Assert.Single(created.KeySchema);
        Assert.Equal(("id", KeyType.HASH), (key.AttributeName, key.KeyType));
        var definition = Assert.Single(created.AttributeDefinitions);
        Assert.Equal(("id", new ScalarAttributeType(keyType)), (definition.AttributeName, definition.AttributeType));
        Assert.InRange(created.CreationDateTime!.Value.ToUniversalTime(), before, DateTime.UtcNow.AddMinutes(1));
        if (billing == "PAY_PER_REQUEST")
        {
            Assert.Equal(BillingMode.PAY_PER_REQUEST, created.BillingModeSummary?.BillingMode);
            Assert.Equal(0, created.ProvisionedThroughput?.ReadCapacityUnits ?? 0);
        }
        else
        {
            Assert.True(created.BillingModeSummary is null || created.BillingModeSummary.BillingMode == BillingMode.PROVISIONED);
            Assert.Equal(5, created.ProvisionedThroughput.ReadCapacityUnits);
            Assert.Equal(7, created.ProvisionedThroughput.WriteCapacityUnits);
        }

        // The key works: an item written under it reads back.
        var id = keyType switch { "S" => S("k1"), "N" => N("42"), _ => B(1, 2, 3) };
        var item = Item(("id", id), ("v", S("x")));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = item });
        var got = await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("id", id)), ConsistentRead = true });
        AssertItem(item, got.Item);
    }

    public static TheoryData<string, string, string> HashRangeTables => new()
    {
        { "S", "S", "PROVISIONED" }, { "S", "N", "PAY_PER_REQUEST" }, { "N", "B", "PROVISIONED" },
        { "B", "S", "PAY_PER_REQUEST" }, { "N", "N", "PAY_PER_REQUEST" }, { "B", "B", "PROVISIONED" },
    };

    [Theory]
    [MemberData(nameof(HashRangeTables))]
    public async Task CreateTable_hash_and_range_key_then_DescribeTable(string hashType, string rangeType, string billing)
    {
        var name = UniqueName("hr");
        await CreateTable(_db, name, ("pk", new ScalarAttributeType(hashType)), ("sk", new ScalarAttributeType(rangeType)), new BillingMode(billing));

        var table = (await _db.DescribeTableAsync(new DescribeTableRequest { TableName = name })).Table;
        Assert.Equal(name, table.TableName);
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(["pk:HASH", "sk:RANGE"], table.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType}"));
        Assert.Equal([$"pk:{hashType}", $"sk:{rangeType}"],
            table.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType}").Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrEmpty(table.TableArn));
        Assert.Contains(name, table.TableArn, StringComparison.Ordinal);
        Assert.Equal(billing == "PAY_PER_REQUEST" ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            table.BillingModeSummary?.BillingMode ?? BillingMode.PROVISIONED);

        AttributeValue Key(string type, int i) => type switch { "S" => S("k" + i), "N" => N(i.ToString()), _ => B((byte)i) };
        var item = Item(("pk", Key(hashType, 1)), ("sk", Key(rangeType, 2)), ("v", N("1")));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = item });
        var got = await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", Key(hashType, 1)), ("sk", Key(rangeType, 2))) });
        AssertItem(item, got.Item);
        var other = await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", Key(hashType, 1)), ("sk", Key(rangeType, 3))) });
        Assert.False(HasItem(other.Item));
    }

    [Fact]
    public async Task ListTables_pages_with_Limit_and_ExclusiveStartTableName()
    {
        var prefix = UniqueName("lt");
        var names = Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToList();
        foreach (var n in names.AsEnumerable().Reverse()) await CreateTable(_db, n, ("id", ScalarAttributeType.S));

        // Everything with our prefix sorts right after the prefix itself.
        var first = await _db.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = prefix, Limit = 2 });
        Assert.Equal(names.Take(2), first.TableNames);
        Assert.Equal(names[1], first.LastEvaluatedTableName);

        var seen = new List<string>();
        string? start = prefix;
        var pages = 0;
        do
        {
            var page = await _db.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start, Limit = 2 });
            pages++;
            Assert.InRange(page.TableNames?.Count ?? 0, 0, 2);
            var pageNames = page.TableNames ?? [];
            seen.AddRange(pageNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
            if (page.LastEvaluatedTableName is not null) Assert.Equal(pageNames[^1], page.LastEvaluatedTableName);
            start = page.LastEvaluatedTableName;
            if (pageNames.Count > 0 && !pageNames[^1].StartsWith(prefix, StringComparison.Ordinal)) break;
        } while (start is not null && pages < 100);
        Assert.Equal(names, seen);

        // A full listing is sorted, has no duplicates and holds them all.
        var all = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _db.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = cursor });
            all.AddRange(page.TableNames ?? []);
            cursor = page.LastEvaluatedTableName;
        } while (cursor is not null);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(names, n => Assert.Contains(n, all));

        var tooMany = int.Parse("101");
        var e = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => _db.ListTablesAsync(new ListTablesRequest { Limit = tooMany }));
        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Contains("Member must have value less than or equal to 100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteTable_then_DescribeTable_is_ResourceNotFound()
    {
        var name = UniqueName("del");
        await CreateTable(_db, name, ("id", ScalarAttributeType.S));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("id", S("a"))) });

        var deleted = await _db.DeleteTableAsync(new DeleteTableRequest { TableName = name });
        Assert.Equal(name, deleted.TableDescription.TableName);
        Assert.Equal(TableStatus.DELETING, deleted.TableDescription.TableStatus);

        var e = await Assert.ThrowsAsync<ResourceNotFoundException>(() => _db.DescribeTableAsync(new DescribeTableRequest { TableName = name }));
        Assert.Equal("ResourceNotFoundException", e.ErrorCode);
        Assert.Equal($"Requested resource not found: Table: {name} not found", e.Message);
        var get = await Assert.ThrowsAsync<ResourceNotFoundException>(() => _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("id", S("a"))) }));
        Assert.StartsWith("Requested resource not found", get.Message, StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<ResourceNotFoundException>(() => _db.DeleteTableAsync(new DeleteTableRequest { TableName = name }));
        Assert.StartsWith("Requested resource not found", again.Message, StringComparison.Ordinal);
        var list = await _db.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = name[..^1], Limit = 10 });
        Assert.DoesNotContain(name, list.TableNames ?? []);

        // The name is free again, and the new table starts empty.
        await CreateTable(_db, name, ("id", ScalarAttributeType.S));
        var fresh = await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("id", S("a"))), ConsistentRead = true });
        Assert.False(HasItem(fresh.Item));
        var scan = await _db.ScanAsync(new ScanRequest { TableName = name });
        Assert.Equal(0, scan.Count);
    }

    [Fact]
    public async Task CreateTable_twice_is_ResourceInUse()
    {
        var name = UniqueName("twice");
        var first = await CreateTable(_db, name, ("id", ScalarAttributeType.S));
        var e = await Assert.ThrowsAsync<ResourceInUseException>(() => CreateTable(_db, name, ("other", ScalarAttributeType.N)));
        Assert.Equal("ResourceInUseException", e.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal($"Table already exists: {name}", e.Message);

        // The first definition stands.
        var table = (await _db.DescribeTableAsync(new DescribeTableRequest { TableName = name })).Table;
        Assert.Equal("id", Assert.Single(table.KeySchema).AttributeName);
        Assert.Equal(first.TableId, table.TableId);
    }

    // ---------------------------------------------------------------- items

    [Fact]
    public async Task PutItem_GetItem_round_trips_every_type_exactly()
    {
        var name = UniqueName("types");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S));
        byte[] bytes = [0, 1, 2, 0xFE, 0xFF, 0x80, 0x7F];
        var item = Item(
            ("pk", S("every-type")),
            ("s", S("héllo wörld ✓ \"quoted\" \\ / \n\t 𝄞")),
            ("n_int", N("42")),
            ("n_neg", N("-17")),
            ("n_38", N("12345678901234567890123456789012345678")),
            ("n_38_neg_fraction", N("-0.12345678901234567890123456789012345678")),
            ("n_trailing", N("1.50")),
            ("n_leading", N("007")),
            ("n_exp_pos", N("1.5E+3")),
            ("n_exp_neg", N("2.5e-3")),
            ("n_exp_plain", N("-1E2")),
            ("n_38_with_zeros", N("12345678901234567890123456789012345678000")),
            ("n_max", N("9.9999999999999999999999999999999999999E+125")),
            ("n_min", N("1E-130")),
            ("n_zero", N("-0.000")),
            ("b", B(bytes)),
            ("b_empty_ok_outside_keys", B()),
            ("t", Bool(true)),
            ("f", Bool(false)),
            ("nul", Null()),
            ("l", L(S("a"), N("1.0"), Bool(false), Null(), L(), M(("x", S("y"))), B(9))),
            ("m", M(
                ("inner", M(
                    ("deep", L(M(("leaf", N("3.140"))), SS("q"))),
                    ("empty", M()))),
                ("s", S("")))),
            ("ss", SS("b", "a", "c", "")),
            ("ns", NS("1.50", "2", "-3E2", "0.001")),
            ("bs", BS([1], [2, 3], []))
        );
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = item });

        var expected = Item(
            ("pk", S("every-type")),
            ("s", S("héllo wörld ✓ \"quoted\" \\ / \n\t 𝄞")),
            ("n_int", N("42")),
            ("n_neg", N("-17")),
            ("n_38", N("12345678901234567890123456789012345678")),
            ("n_38_neg_fraction", N("-0.12345678901234567890123456789012345678")),
            ("n_trailing", N("1.5")),
            ("n_leading", N("7")),
            ("n_exp_pos", N("1500")),
            ("n_exp_neg", N("0.0025")),
            ("n_exp_plain", N("-100")),
            ("n_38_with_zeros", N("12345678901234567890123456789012345678000")),
            ("n_max", N("99999999999999999999999999999999999999" + new string('0', 88))),
            ("n_min", N("0." + new string('0', 129) + "1")),
            ("n_zero", N("0")),
            ("b", B(bytes)),
            ("b_empty_ok_outside_keys", B()),
            ("t", Bool(true)),
            ("f", Bool(false)),
            ("nul", Null()),
            ("l", L(S("a"), N("1"), Bool(false), Null(), L(), M(("x", S("y"))), B(9))),
            ("m", M(
                ("inner", M(
                    ("deep", L(M(("leaf", N("3.14"))), SS("q"))),
                    ("empty", M()))),
                ("s", S("")))),
            ("ss", SS("a", "b", "c", "")),
            ("ns", NS("1.5", "2", "-300", "0.001")),
            ("bs", BS([1], [2, 3], []))
        );
        var got = await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("every-type"))), ConsistentRead = true });
        AssertItem(expected, got.Item);

        // Also through Query and Scan.
        var query = await _db.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = Item((":pk", S("every-type"))),
        });
        AssertItem(expected, Assert.Single(query.Items));
        var scan = await _db.ScanAsync(new ScanRequest { TableName = name });
        AssertItem(expected, Assert.Single(scan.Items));
    }

    [Fact]
    public async Task PutItem_replaces_the_whole_item_and_GetItem_of_a_missing_key_has_no_item()
    {
        var name = UniqueName("replace");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("sk", N("1")), ("x", S("1")), ("y", S("1"))) });
        var old = await _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(("pk", S("a")), ("sk", N("1.0")), ("z", N("2"))),
            ReturnValues = ReturnValue.ALL_OLD,
        });
        AssertItem(Item(("pk", S("a")), ("sk", N("1")), ("x", S("1")), ("y", S("1"))), old.Attributes);

        var got = await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("a")), ("sk", N("1"))), ConsistentRead = true });
        AssertItem(Item(("pk", S("a")), ("sk", N("1")), ("z", N("2"))), got.Item);

        var missing = await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("a")), ("sk", N("2"))) });
        Assert.False(HasItem(missing.Item));
        var none = await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("b")), ("sk", N("1"))), ReturnValues = ReturnValue.ALL_OLD });
        Assert.False(HasItem(none.Attributes));
    }

    [Fact]
    public async Task GetItem_with_ProjectionExpression_and_ExpressionAttributeNames()
    {
        var name = UniqueName("proj");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S));
        await _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(
                ("pk", S("p")),
                ("name", S("reserved word")),
                ("size", N("10")),
                ("m", M(("a", N("1")), ("b", M(("c", S("x")), ("d", S("y")))))),
                ("l", L(N("10"), N("20"), N("30"))),
                ("other", S("not asked for"))),
        });

        var got = await _db.GetItemAsync(new GetItemRequest
        {
            TableName = name,
            Key = Item(("pk", S("p"))),
            ProjectionExpression = "#n, #m.b.c, l[1], #s, nothere, l[7], #m.zz",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#n"] = "name", ["#m"] = "m", ["#s"] = "size" },
        });
        AssertItem(Item(
            ("name", S("reserved word")),
            ("size", N("10")),
            ("m", M(("b", M(("c", S("x")))))),
            ("l", L(N("20")))), got.Item);

        // A reserved word used bare is refused, as DynamoDB does.
        var e = await ThrowsValidation(() => _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("p"))), ProjectionExpression = "name" }),
            "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name", exact: false);
        Assert.NotNull(e);
        // An unused name is refused.
        await ThrowsValidation(() => _db.GetItemAsync(new GetItemRequest
        {
            TableName = name,
            Key = Item(("pk", S("p"))),
            ProjectionExpression = "pk",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#unused"] = "x" },
        }), "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}", exact: false);
    }

    [Fact]
    public async Task DeleteItem_with_ReturnValues_ALL_OLD()
    {
        var name = UniqueName("delitem");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.N));
        var item = Item(("pk", N("7")), ("v", S("seven")), ("l", L(N("1"))));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = item });

        var deleted = await _db.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = Item(("pk", N("7.00"))), ReturnValues = ReturnValue.ALL_OLD });
        AssertItem(item, deleted.Attributes);
        var got = await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", N("7"))), ConsistentRead = true });
        Assert.False(HasItem(got.Item));

        var again = await _db.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = Item(("pk", N("7"))), ReturnValues = ReturnValue.ALL_OLD });
        Assert.False(HasItem(again.Attributes));
        var plain = await _db.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = Item(("pk", N("8"))) });
        Assert.False(HasItem(plain.Attributes));
    }

    [Fact]
    public async Task ConditionExpression_attribute_not_exists_and_attribute_exists()
    {
        var name = UniqueName("cond");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S));
        var first = Item(("pk", S("a")), ("v", N("1")));

        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = first, ConditionExpression = "attribute_not_exists(pk)" });
        var e = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(("pk", S("a")), ("v", N("2"))),
            ConditionExpression = "attribute_not_exists(pk)",
        }));
        Assert.Equal("ConditionalCheckFailedException", e.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("The conditional request failed", e.Message);
        await AssertStored(name, Item(("pk", S("a"))), first);

        // attribute_exists on a missing item fails and creates nothing.
        var missing = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(("pk", S("b")), ("v", N("1"))),
            ConditionExpression = "attribute_exists(pk)",
        }));
        Assert.Equal("The conditional request failed", missing.Message);
        await AssertStored(name, Item(("pk", S("b"))), null);

        // attribute_exists on a present item succeeds.
        var second = Item(("pk", S("a")), ("v", N("3")));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = second, ConditionExpression = "attribute_exists(pk)" });
        await AssertStored(name, Item(("pk", S("a"))), second);

        // A failed conditional delete keeps the item; the failure can return it.
        var keep = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _db.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = name,
            Key = Item(("pk", S("a"))),
            ConditionExpression = "attribute_not_exists(v)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));
        AssertItem(second, keep.Item);
        await AssertStored(name, Item(("pk", S("a"))), second);
        await _db.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = Item(("pk", S("a"))), ConditionExpression = "attribute_exists(v)" });
        await AssertStored(name, Item(("pk", S("a"))), null);
    }

    [Fact]
    public async Task ConditionExpression_comparison_with_names_and_values()
    {
        var name = UniqueName("cmp");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S));
        var v1 = Item(("pk", S("doc")), ("version", N("1")), ("body", S("first")));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = v1 });

        var v2 = Item(("pk", S("doc")), ("version", N("2")), ("body", S("second")));
        await _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = v2,
            ConditionExpression = "#v = :v",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#v"] = "version" },
            ExpressionAttributeValues = Item((":v", N("1.0"))),
        });
        await AssertStored(name, Item(("pk", S("doc"))), v2);

        // A stale writer (still expecting version 1) fails and changes nothing.
        var e = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(("pk", S("doc")), ("version", N("2")), ("body", S("stale"))),
            ConditionExpression = "#v = :v",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#v"] = "version" },
            ExpressionAttributeValues = Item((":v", N("1"))),
        }));
        Assert.Equal("The conditional request failed", e.Message);
        await AssertStored(name, Item(("pk", S("doc"))), v2);

        // A type mismatch is simply false: "2" (S) is not 2 (N).
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(("pk", S("doc")), ("version", N("3"))),
            ConditionExpression = "#v = :v",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#v"] = "version" },
            ExpressionAttributeValues = Item((":v", S("2"))),
        }));
        await AssertStored(name, Item(("pk", S("doc"))), v2);

        // On a missing item the comparison is false too.
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(("pk", S("nobody")), ("version", N("1"))),
            ConditionExpression = "#v = :v",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#v"] = "version" },
            ExpressionAttributeValues = Item((":v", N("0"))),
        }));
        await AssertStored(name, Item(("pk", S("nobody"))), null);

        // A condition-checked delete with the right version works.
        await _db.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = name,
            Key = Item(("pk", S("doc"))),
            ConditionExpression = "#v = :v",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#v"] = "version" },
            ExpressionAttributeValues = Item((":v", N("2"))),
        });
        await AssertStored(name, Item(("pk", S("doc"))), null);
    }

    // ---------------------------------------------------------------- query

    [Fact]
    public async Task Query_applies_each_operator_on_a_numeric_sort_key_in_order()
    {
        var name = UniqueName("qn");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N));
        string[] values = ["-10", "-1.5", "0", "2", "10", "10.5", "100", "1E+3"];
        var random = new Random(7);
        foreach (var v in values.OrderBy(_ => random.Next()))
            await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("p")), ("sk", N(v)), ("v", S(v))) });
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("q")), ("sk", N("5"))) });

        await AssertQuery(name, "pk = :p", [], ["-10", "-1.5", "0", "2", "10", "10.5", "100", "1000"]);
        await AssertQuery(name, "pk = :p AND sk = :a", [(":a", N("10.0"))], ["10"]);
        await AssertQuery(name, "pk = :p AND sk < :a", [(":a", N("2"))], ["-10", "-1.5", "0"]);
        await AssertQuery(name, "pk = :p AND sk <= :a", [(":a", N("2"))], ["-10", "-1.5", "0", "2"]);
        await AssertQuery(name, "pk = :p AND sk > :a", [(":a", N("10"))], ["10.5", "100", "1000"]);
        await AssertQuery(name, "pk = :p AND sk >= :a", [(":a", N("10"))], ["10", "10.5", "100", "1000"]);
        await AssertQuery(name, "pk = :p AND sk BETWEEN :a AND :b", [(":a", N("-1.5")), (":b", N("10"))], ["-1.5", "0", "2", "10"]);
        await AssertQuery(name, "pk = :p AND sk BETWEEN :a AND :b", [(":a", N("-2")), (":b", N("-1"))], ["-1.5"]);
        await AssertQuery(name, "pk = :p AND sk > :a", [(":a", N("1000"))], []);
        await AssertQuery(name, "sk < :a AND pk = :p", [(":a", N("0"))], ["-10", "-1.5"]);

        await ThrowsValidation(() => _db.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p AND begins_with(sk, :a)",
            ExpressionAttributeValues = Item((":p", S("p")), (":a", N("1"))),
        }), "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
    }

    [Fact]
    public async Task Query_applies_each_operator_on_a_string_sort_key_in_byte_order()
    {
        var name = UniqueName("qs");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.S));
        string[] values = ["a", "ab", "abc", "abd", "b", "ba", "c", "A", "Z", "é", "0"];
        foreach (var v in values)
            await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("p")), ("sk", S(v))) });
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("other")), ("sk", S("ab"))) });

        await AssertQuery(name, "pk = :p", [], ["0", "A", "Z", "a", "ab", "abc", "abd", "b", "ba", "c", "é"]);
        await AssertQuery(name, "pk = :p AND sk = :a", [(":a", S("ab"))], ["ab"]);
        await AssertQuery(name, "pk = :p AND sk < :a", [(":a", S("ab"))], ["0", "A", "Z", "a"]);
        await AssertQuery(name, "pk = :p AND sk <= :a", [(":a", S("ab"))], ["0", "A", "Z", "a", "ab"]);
        await AssertQuery(name, "pk = :p AND sk > :a", [(":a", S("b"))], ["ba", "c", "é"]);
        await AssertQuery(name, "pk = :p AND sk >= :a", [(":a", S("b"))], ["b", "ba", "c", "é"]);
        await AssertQuery(name, "pk = :p AND sk BETWEEN :a AND :b", [(":a", S("ab")), (":b", S("b"))], ["ab", "abc", "abd", "b"]);
        await AssertQuery(name, "pk = :p AND begins_with(sk, :a)", [(":a", S("ab"))], ["ab", "abc", "abd"]);
        await AssertQuery(name, "pk = :p AND begins_with(sk, :a)", [(":a", S("a"))], ["a", "ab", "abc", "abd"]);
        await AssertQuery(name, "pk = :p AND begins_with(sk, :a)", [(":a", S("x"))], []);
        await AssertQuery(name, "pk = :p AND begins_with(sk, :a)", [(":a", S("é"))], ["é"]);

        await ThrowsValidation(() => _db.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p AND sk BETWEEN :a AND :b",
            ExpressionAttributeValues = Item((":p", S("p")), (":a", S("b")), (":b", S("a"))),
        }), "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound", exact: false);
    }

    [Theory]
    [InlineData(true, 7)]
    [InlineData(false, 7)]
    [InlineData(true, 5)]
    [InlineData(false, 1)]
    public async Task Query_Limit_and_LastEvaluatedKey_visit_every_item_once(bool forward, int limit)
    {
        var name = UniqueName("qpage");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N));
        const int count = 25;
        for (var i = 0; i < count; i++)
            await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("p")), ("sk", N((i * 3).ToString())), ("i", N(i.ToString()))) });
        for (var i = 0; i < 3; i++)
            await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("neighbour" + i)), ("sk", N(i.ToString()))) });

        var seen = new List<int>();
        Dictionary<string, AttributeValue>? start = null;
        var pages = 0;
        do
        {
            var page = await _db.QueryAsync(new QueryRequest
            {
                TableName = name,
                KeyConditionExpression = "pk = :p",
                ExpressionAttributeValues = Item((":p", S("p"))),
                ScanIndexForward = forward,
                Limit = limit,
                ExclusiveStartKey = start,
            });
            pages++;
            var items = page.Items ?? [];
            Assert.InRange(items.Count, 0, limit);
            Assert.Equal(items.Count, page.Count);
            Assert.Equal(items.Count, page.ScannedCount);
            seen.AddRange(items.Select(i => int.Parse(i["i"].N)));
            start = HasItem(page.LastEvaluatedKey) ? page.LastEvaluatedKey : null;
            if (start is not null)
            {
                Assert.Equal(limit, items.Count);
                AssertItem(Item(("pk", items[^1]["pk"]), ("sk", items[^1]["sk"])), start);
            }
        } while (start is not null && pages < 100);

        var expected = Enumerable.Range(0, count).ToList();
        if (!forward) expected.Reverse();
        Assert.Equal(expected, seen);
        Assert.InRange(pages, (count + limit - 1) / limit, (count + limit - 1) / limit + 1);
    }

    [Theory]
    [InlineData("sk BETWEEN :lo AND :hi", 4, 16)]
    [InlineData("sk > :lo", 5, 24)]
    [InlineData("sk <= :hi", 0, 16)]
    public async Task Query_paging_with_a_sort_key_condition_in_both_directions(string sortCondition, int first, int last)
    {
        var name = UniqueName("qcond");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.N), ("sk", ScalarAttributeType.N));
        for (var i = 0; i < 25; i++)
            await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", N("1")), ("sk", N((i * 3).ToString())), ("i", N(i.ToString()))) });
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", N("2")), ("sk", N("15"))) });

        foreach (var forward in new[] { true, false })
        {
            var seen = new List<int>();
            Dictionary<string, AttributeValue>? start = null;
            var pages = 0;
            do
            {
                var page = await _db.QueryAsync(new QueryRequest
                {
                    TableName = name,
                    KeyConditionExpression = "pk = :p AND " + sortCondition,
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = N("1"), [":lo"] = N("12"), [":hi"] = N("48") }
                        .Where(p => p.Key == ":p" || sortCondition.Contains(p.Key, StringComparison.Ordinal)).ToDictionary(),
                    ScanIndexForward = forward,
                    Limit = 4,
                    ExclusiveStartKey = start,
                });
                pages++;
                seen.AddRange((page.Items ?? []).Select(i => int.Parse(i["i"].N)));
                start = HasItem(page.LastEvaluatedKey) ? page.LastEvaluatedKey : null;
            } while (start is not null && pages < 50);
            var expected = Enumerable.Range(first, last - first + 1).ToList();
            if (!forward) expected.Reverse();
            Assert.Equal(expected, seen);
        }
    }

    [Fact]
    public async Task Query_and_Scan_pages_stop_at_1_MB()
    {
        var name = UniqueName("big");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N), BillingMode.PAY_PER_REQUEST);
        const int count = 30;
        var payload = new string('x', 100 * 1024);
        for (var i = 0; i < count; i++)
            await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("p")), ("sk", N(i.ToString())), ("data", S(payload))) });
        const int oneMb = 1024 * 1024;
        var itemSize = ItemSize(Item(("pk", S("p")), ("sk", N("10")), ("data", S(payload))));

        var first = await _db.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = Item((":p", S("p"))),
        });
        Assert.True(HasItem(first.LastEvaluatedKey), "a 3 MB partition must not come back in one page");
        var firstBytes = first.Items.Sum(ItemSize);
        Assert.InRange(firstBytes, oneMb - 2 * itemSize, oneMb);
        Assert.Equal(first.Items.Count, first.Count);
        Assert.Equal(first.Items.Count, first.ScannedCount);

        var seen = new List<int>();
        Dictionary<string, AttributeValue>? start = null;
        var pages = 0;
        do
        {
            var page = await _db.QueryAsync(new QueryRequest
            {
                TableName = name,
                KeyConditionExpression = "pk = :p",
                ExpressionAttributeValues = Item((":p", S("p"))),
                ExclusiveStartKey = start,
            });
            pages++;
            Assert.InRange(page.Items.Sum(ItemSize), 0, oneMb);
            Assert.All(page.Items, i => Assert.Equal(payload, i["data"].S));
            seen.AddRange(page.Items.Select(i => int.Parse(i["sk"].N)));
            start = HasItem(page.LastEvaluatedKey) ? page.LastEvaluatedKey : null;
        } while (start is not null && pages < 20);
        Assert.Equal(Enumerable.Range(0, count), seen);
        Assert.InRange(pages, 3, 4);

        // Select COUNT still reads at most 1 MB per page.
        var counted = await _db.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = Item((":p", S("p"))),
            Select = Select.COUNT,
        });
        Assert.Equal(first.Count, counted.Count);
        Assert.True(HasItem(counted.LastEvaluatedKey));

        // Scan pages are bounded the same way.
        var scanned = new List<int>();
        start = null;
        pages = 0;
        do
        {
            var page = await _db.ScanAsync(new ScanRequest { TableName = name, ExclusiveStartKey = start });
            pages++;
            Assert.InRange(page.Items.Sum(ItemSize), 0, oneMb);
            scanned.AddRange(page.Items.Select(i => int.Parse(i["sk"].N)));
            start = HasItem(page.LastEvaluatedKey) ? page.LastEvaluatedKey : null;
        } while (start is not null && pages < 20);
        Assert.Equal(Enumerable.Range(0, count), scanned.Order());
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task Query_Count_ScannedCount_and_Select_COUNT()
    {
        var name = UniqueName("qcount");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N));
        for (var i = 0; i < 12; i++)
            await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("p")), ("sk", N(i.ToString())), ("a", S("x"))) });

        var all = await _db.QueryAsync(new QueryRequest { TableName = name, KeyConditionExpression = "pk = :p", ExpressionAttributeValues = Item((":p", S("p"))) });
        Assert.Equal(12, all.Count);
        Assert.Equal(12, all.ScannedCount);
        Assert.Equal(12, all.Items.Count);
        Assert.False(HasItem(all.LastEvaluatedKey));

        var some = await _db.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p AND sk >= :a",
            ExpressionAttributeValues = Item((":p", S("p")), (":a", N("4"))),
            Limit = 3,
        });
        Assert.Equal(3, some.Count);
        Assert.Equal(3, some.ScannedCount);
        Assert.Equal(["4", "5", "6"], some.Items.Select(i => i["sk"].N));

        var count = await _db.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p AND sk < :a",
            ExpressionAttributeValues = Item((":p", S("p")), (":a", N("10"))),
            Select = Select.COUNT,
        });
        Assert.Equal(10, count.Count);
        Assert.Equal(10, count.ScannedCount);
        Assert.True(count.Items is null || count.Items.Count == 0);

        var projected = await _db.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p AND sk = :a",
            ExpressionAttributeValues = Item((":p", S("p")), (":a", N("3"))),
            ProjectionExpression = "sk",
        });
        AssertItem(Item(("sk", N("3"))), Assert.Single(projected.Items));

        var scanCount = await _db.ScanAsync(new ScanRequest { TableName = name, Select = Select.COUNT });
        Assert.Equal(12, scanCount.Count);
        Assert.Equal(12, scanCount.ScannedCount);
        Assert.True(scanCount.Items is null || scanCount.Items.Count == 0);
    }

    // ---------------------------------------------------------------- scan

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Scan_Limit_and_LastEvaluatedKey_visit_every_item_once(int limit)
    {
        var (name, keys) = await CreateScanTable(60);
        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        var pages = 0;
        do
        {
            var page = await _db.ScanAsync(new ScanRequest { TableName = name, Limit = limit, ExclusiveStartKey = start });
            pages++;
            var items = page.Items ?? [];
            Assert.InRange(items.Count, 0, limit);
            Assert.Equal(items.Count, page.Count);
            Assert.Equal(items.Count, page.ScannedCount);
            seen.AddRange(items.Select(i => i["id"].S));
            start = HasItem(page.LastEvaluatedKey) ? page.LastEvaluatedKey : null;
            if (start is not null) Assert.Equal(limit, items.Count);
        } while (start is not null && pages < 200);
        Assert.Equal(keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.InRange(pages, (keys.Count + limit - 1) / limit, (keys.Count + limit - 1) / limit + 1);
    }

    [Fact]
    public async Task Parallel_Scan_segments_partition_the_table()
    {
        var (name, keys) = await CreateScanTable(80);
        const int total = 4;
        var segments = await Task.WhenAll(Enumerable.Range(0, total).Select(async segment =>
        {
            var found = new List<string>();
            Dictionary<string, AttributeValue>? start = null;
            var pages = 0;
            do
            {
                var page = await _db.ScanAsync(new ScanRequest
                {
                    TableName = name,
                    Segment = segment,
                    TotalSegments = total,
                    Limit = 6,
                    ExclusiveStartKey = start,
                });
                pages++;
                found.AddRange((page.Items ?? []).Select(i => i["id"].S));
                start = HasItem(page.LastEvaluatedKey) ? page.LastEvaluatedKey : null;
            } while (start is not null && pages < 100);
            return found;
        }));

        var union = segments.SelectMany(s => s).ToList();
        Assert.Equal(union.Count, union.Distinct().Count());
        Assert.Equal(keys.Order(StringComparer.Ordinal), union.Order(StringComparer.Ordinal));
        Assert.True(segments.Count(s => s.Count > 0) >= 2, "80 random keys should not all hash into one quarter");

        // One segment on its own, unpaged, agrees with the paged run.
        var single = await _db.ScanAsync(new ScanRequest { TableName = name, Segment = 2, TotalSegments = total });
        Assert.Equal(segments[2].Order(StringComparer.Ordinal), single.Items.Select(i => i["id"].S).Order(StringComparer.Ordinal));

        await ThrowsValidation(() => _db.ScanAsync(new ScanRequest { TableName = name, Segment = 4, TotalSegments = 4 }),
            "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4");
    }

    // ---------------------------------------------------------------- errors

    [Fact]
    public async Task Missing_table_is_ResourceNotFound_for_every_operation()
    {
        var name = UniqueName("nosuch");
        var key = Item(("id", S("a")));
        async Task Check(Func<Task> call)
        {
            var e = await Assert.ThrowsAsync<ResourceNotFoundException>(call);
            Assert.Equal("ResourceNotFoundException", e.ErrorCode);
            Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
            Assert.StartsWith("Requested resource not found", e.Message, StringComparison.Ordinal);
        }
        await Check(() => _db.GetItemAsync(new GetItemRequest { TableName = name, Key = key }));
        await Check(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = key }));
        await Check(() => _db.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = key }));
        await Check(() => _db.QueryAsync(new QueryRequest { TableName = name, KeyConditionExpression = "id = :a", ExpressionAttributeValues = Item((":a", S("a"))) }));
        await Check(() => _db.ScanAsync(new ScanRequest { TableName = name }));
        await Check(() => _db.DescribeTableAsync(new DescribeTableRequest { TableName = name }));
        await Check(() => _db.DeleteTableAsync(new DeleteTableRequest { TableName = name }));
        var list = await _db.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = name[..^1], Limit = 5 });
        Assert.DoesNotContain(name, list.TableNames ?? []);
    }

    [Fact]
    public async Task Wrong_key_type_is_a_ValidationException_and_writes_nothing()
    {
        var name = UniqueName("keytype");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N));

        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", N("1")), ("sk", N("1"))) }),
            "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("1")), ("sk", S("1"))) }),
            "One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("1"))) }),
            "One or more parameter values were invalid: Missing the key sk in the item");
        await ThrowsValidation(() => _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", N("1")), ("sk", N("1"))) }),
            "The provided key element does not match the schema");
        await ThrowsValidation(() => _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("1"))) }),
            "The provided key element does not match the schema");
        await ThrowsValidation(() => _db.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = Item(("pk", S("1")), ("sk", B(1))) }),
            "The provided key element does not match the schema");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("")), ("sk", N("1"))) }),
            "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");

        var scan = await _db.ScanAsync(new ScanRequest { TableName = name, ConsistentRead = true });
        Assert.Equal(0, scan.Count);
        Assert.False(HasItem((await _db.GetItemAsync(new GetItemRequest { TableName = name, Key = Item(("pk", S("1")), ("sk", N("1"))) })).Item));
    }

    [Fact]
    public async Task Empty_set_is_a_ValidationException_and_changes_nothing()
    {
        var name = UniqueName("emptyset");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S));
        var original = Item(("pk", S("a")), ("tags", SS("x")));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = original });

        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("tags", new AttributeValue { SS = [] })) }),
            "One or more parameter values were invalid: An string set  may not be empty");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("b")), ("nums", new AttributeValue { NS = [] })) }),
            "One or more parameter values were invalid: An number set  may not be empty");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("b")), ("m", M(("deep", new AttributeValue { BS = [] })))) }),
            "One or more parameter values were invalid: Binary sets should not be empty");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("b")), ("dups", SS("x", "x"))) }),
            "One or more parameter values were invalid: Input collection [x, x] contains duplicates.");

        await AssertStored(name, Item(("pk", S("a"))), original);
        await AssertStored(name, Item(("pk", S("b"))), null);
    }

    [Fact]
    public async Task Item_over_400_KB_is_a_ValidationException_and_changes_nothing()
    {
        var name = UniqueName("toobig");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S));
        var original = Item(("pk", S("a")), ("data", S("small")));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = original });

        // Exactly 400 KB is allowed: "pk"(2) + "fits"(4) + "data"(4) + value.
        var fits = Item(("pk", S("fits")), ("data", S(new string('y', 400 * 1024 - 2 - 4 - 4))));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = fits });
        await AssertStored(name, Item(("pk", S("fits"))), fits);

        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("data", S(new string('z', 400 * 1024)))) }),
            "Item size has exceeded the maximum allowed size");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = Item(("pk", S("b")), ("d1", S(new string('z', 200 * 1024))), ("d2", B(new byte[200 * 1024]))),
        }), "Item size has exceeded the maximum allowed size");

        await AssertStored(name, Item(("pk", S("a"))), original);
        await AssertStored(name, Item(("pk", S("b"))), null);
    }

    [Fact]
    public async Task Number_with_39_significant_digits_is_a_ValidationException_and_changes_nothing()
    {
        var name = UniqueName("digits");
        await CreateTable(_db, name, ("pk", ScalarAttributeType.S), ("sk", ScalarAttributeType.N));
        var original = Item(("pk", S("a")), ("sk", N("1")), ("n", N("1")));
        await _db.PutItemAsync(new PutItemRequest { TableName = name, Item = original });

        const string digits39 = "123456789012345678901234567890123456789";
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("sk", N("1")), ("n", N(digits39))) }),
            "Attempting to store more than 38 significant digits in a Number");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("sk", N("1")), ("n", N("0." + digits39))) }),
            "Attempting to store more than 38 significant digits in a Number");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("sk", N("1")), ("ns", NS("1", digits39))) }),
            "Attempting to store more than 38 significant digits in a Number");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("sk", N(digits39))) }),
            "Attempting to store more than 38 significant digits in a Number");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("sk", N("1")), ("n", N("1E+126"))) }),
            "Number overflow. Attempting to store a number with magnitude larger than supported range");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("sk", N("1")), ("n", N("1E-131"))) }),
            "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        await ThrowsValidation(() => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("pk", S("a")), ("sk", N("1")), ("n", N("12abc"))) }),
            "A value provided cannot be converted into a number");

        await AssertStored(name, Item(("pk", S("a")), ("sk", N("1"))), original);
        var scan = await _db.ScanAsync(new ScanRequest { TableName = name, ConsistentRead = true });
        Assert.Equal(1, scan.Count);
    }

    // ---------------------------------------------------------------- helpers

    private async Task AssertStored(string table, Dictionary<string, AttributeValue> key, Dictionary<string, AttributeValue>? expected)
    {
        var got = await _db.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true });
        if (expected is null) Assert.False(HasItem(got.Item), $"expected no item, found {Render(got.Item)}");
        else AssertItem(expected, got.Item);
    }

    private async Task AssertQuery(string table, string condition, (string Name, AttributeValue Value)[] values, string[] expectedSortKeys)
    {
        var attributeValues = Item([(":p", S("p")), .. values]);
        foreach (var forward in new[] { true, false })
        {
            var response = await _db.QueryAsync(new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = condition,
                ExpressionAttributeValues = attributeValues,
                ScanIndexForward = forward,
                ConsistentRead = true,
            });
            var expected = forward ? expectedSortKeys : expectedSortKeys.Reverse().ToArray();
            var actual = (response.Items ?? []).Select(i => i["sk"].S ?? i["sk"].N).ToArray();
            Assert.True(expected.SequenceEqual(actual),
                $"{condition} {(forward ? "forward" : "backward")}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
            Assert.Equal(expected.Length, response.Count);
            Assert.Equal(expected.Length, response.ScannedCount);
            Assert.All(response.Items ?? [], i => Assert.Equal("p", i["pk"].S));
            Assert.False(HasItem(response.LastEvaluatedKey));
        }
    }

    private async Task<(string Name, List<string> Keys)> CreateScanTable(int count)
    {
        var name = UniqueName("scan");
        await CreateTable(_db, name, ("id", ScalarAttributeType.S));
        var keys = Enumerable.Range(0, count).Select(i => $"item-{i:D3}-{Guid.NewGuid():N}"[..16]).ToList();
        await Task.WhenAll(keys.Select(k => _db.PutItemAsync(new PutItemRequest { TableName = name, Item = Item(("id", S(k)), ("v", N("1"))) })));
        return (name, keys);
    }
}
