using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.PartiQL.PartiQLWire;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire.PartiQL;

/// <summary>ExecuteStatement through the AWS SDK: each statement kind, literals and parameters, paths, RETURNING and the write failures.</summary>
[Collection("wire")]
public class PartiQLStatementTests(SiloFixture fixture)
{
    private IAmazonDynamoDB Client => fixture.Client;

    [Fact]
    public async Task Insert_select_update_and_delete_an_item_with_literals_of_every_type()
    {
        var table = await Table(Client, "pqcrud", sortKey: true);
        var inserted = await Run(Client, $$"""
            INSERT INTO "{{table}}" VALUE {'pk': 'it''s', 'sk': 1, 's': 'text', 'n': -12.50, 'yes': TRUE, 'no': false, 'nothing': NULL,
              'ss': <<'b', 'a'>>, 'ns': <<1, 2.5>>, 'l': [1, 'two', [3]], 'm': {'k': {'deep': 'x'} , 'e': { } } }
            """);
        Assert.Empty(inserted.Items);

        var selected = await Run(Client, $"SELECT * FROM \"{table}\" WHERE pk = 'it''s' AND sk = 1");
        AssertItem(Item(("pk", S("it's")), ("sk", N("1")), ("s", S("text")), ("n", N("-12.5")), ("yes", Bool(true)), ("no", Bool(false)), ("nothing", Null()),
            ("ss", SS("a", "b")), ("ns", NS("1", "2.5")), ("l", L(N("1"), S("two"), L(N("3")))), ("m", M(("k", M(("deep", S("x")))), ("e", M())))),
            Assert.Single(selected.Items));

        await Run(Client, $"""
            UPDATE "{table}" SET s = 'changed', n = n + 2.5, l = list_append(l, [4]), m.k.deep = 'y' SET ss = set_add(ss, <<'c'>>)
              REMOVE "no" SET ns = set_delete(ns, <<1>>) WHERE pk = 'it''s' AND sk = 1
            """);
        AssertItem(Item(("pk", S("it's")), ("sk", N("1")), ("s", S("changed")), ("n", N("-10")), ("yes", Bool(true)), ("nothing", Null()),
            ("ss", SS("a", "b", "c")), ("ns", NS("2.5")), ("l", L(N("1"), S("two"), L(N("3")), N("4"))), ("m", M(("k", M(("deep", S("y")))), ("e", M())))),
            await Get(Client, table, ("pk", S("it's")), ("sk", N("1"))));

        var deleted = await Run(Client, $"DELETE FROM \"{table}\" WHERE pk = 'it''s' AND sk = 1");
        Assert.Empty(deleted.Items);
        Assert.Null(await Get(Client, table, ("pk", S("it's")), ("sk", N("1"))));
    }

    [Fact]
    public async Task Parameters_bind_in_order_and_must_match_the_placeholders()
    {
        var table = await Table(Client, "pqparam");
        await Run(Client, $"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'v': ?, 'tags': ?, 'q': '?'}}", S("a"), N("7"), SS("x", "y"));
        AssertItem(Item(("pk", S("a")), ("v", N("7")), ("tags", SS("x", "y")), ("q", S("?"))), await Get(Client, table, ("pk", S("a"))));
        var selected = await Run(Client, $"SELECT v FROM \"{table}\" WHERE pk = ? AND v > ?", S("a"), N("6"));
        AssertItem(Item(("v", N("7"))), Assert.Single(selected.Items));

        await Run(Client, $"/* a whole item */ INSERT INTO \"{table}\" VALUE ? -- as one map parameter\n;", M(("pk", S("b")), ("v", L(N("1")))));
        AssertItem(Item(("pk", S("b")), ("v", L(N("1")))), await Get(Client, table, ("pk", S("b"))));
        var both = await Run(Client, $"SELECT pk FROM \"{table}\" WHERE pk IN ? ORDER BY pk DESC", L(S("a"), S("b"), S("c")));
        Assert.Equal(["b", "a"], both.Items.Select(i => i["pk"].S));

        const string mismatch = "Number of parameters in request and statement don't match.";
        await Refused(Client, $"SELECT * FROM \"{table}\" WHERE pk = ?", "ValidationException", mismatch);
        await Refused(Client, $"SELECT * FROM \"{table}\" WHERE pk = ?", "ValidationException", mismatch, S("a"), S("b"));
        await Refused(Client, $"SELECT * FROM \"{table}\" WHERE pk = 'a'", "ValidationException", mismatch, S("a"));
    }

    [Fact]
    public async Task Nested_paths_select_under_their_last_name_and_update_in_place()
    {
        var table = await Table(Client, "pqpath");
        await Client.PutItemAsync(table, Item(("pk", S("a")), ("m", M(("k", L(S("zero"), S("one"))), ("z", N("1")))), ("l", L(N("5"), N("6"))),
            ("odd.name", S("dotted")), ("other", S("not selected"))));
        var selected = await Run(Client, $"SELECT m.k[1], l[0], m.z, \"odd.name\" FROM \"{table}\" WHERE pk = 'a'");
        AssertItem(Item(("k[1]", S("one")), ("l[0]", N("5")), ("z", N("1")), ("odd.name", S("dotted"))), Assert.Single(selected.Items));

        await Run(Client, $"UPDATE \"{table}\" SET m.k[0] = 'ZERO', m.\"new\" = {{'a': [1]}} REMOVE l[1] WHERE pk = 'a'");
        var item = await Get(Client, table, ("pk", S("a")));
        Assert.Equal("ZERO", item!["m"].M["k"].L[0].S);
        Assert.Equal("1", item["m"].M["new"].M["a"].L[0].N);
        Assert.Single(item["l"].L);

        await Refused(Client, $"SELECT m.z, z FROM \"{table}\" WHERE pk = 'a'", "ValidationException", "Duplicate identifiers in select clause: z");
        await Refused(Client, $"SELECT *, pk FROM \"{table}\"", "ValidationException", "Other attributes should not be present in the projection when '*' is used.");
    }

    [Fact]
    public async Task Conditions_of_the_where_clause_filter_as_DynamoDB_evaluates_them()
    {
        var table = await Table(Client, "pqwhere", sortKey: true);
        for (var i = 1; i <= 6; i++)
            await Client.PutItemAsync(table, Item(("pk", S("p")), ("sk", N($"{i}")), ("name", S(i % 2 == 0 ? "even" : "odd")), ("tags", SS("t" + i, "all")),
                ("n", N($"{i * 10}")), ("l", L(Enumerable.Range(0, i).Select(_ => N("0")).ToArray()))));
        await Client.PutItemAsync(table, Item(("pk", S("p")), ("sk", N("7"))));

        async Task<List<string>> Keys(string where) =>
            (await Run(Client, $"SELECT sk FROM \"{table}\" WHERE pk = 'p' AND {where}")).Items.Select(i => i["sk"].N).ToList();
        Assert.Equal(["2", "3", "4"], await Keys("sk BETWEEN 2 AND 4"));
        Assert.Equal(["5", "6", "7"], await Keys("sk >= 5"));
        Assert.Equal(["1", "3", "5"], await Keys("\"name\" = 'odd'"));
        Assert.Equal(["2", "4", "6"], await Keys("\"name\" <> 'odd' AND \"name\" IS NOT MISSING"));
        Assert.Equal(["7"], await Keys("\"name\" IS MISSING"));
        Assert.Equal(["1", "6"], await Keys("(n < 20 OR n >= 60) AND NOT sk = 7"));
        Assert.Equal(["2", "5"], await Keys("n IN [20, 50]"));
        Assert.Equal(["3"], await Keys("contains(tags, 't3')"));
        Assert.Equal(["4", "5", "6"], await Keys("size(l) > 3"));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], await Keys("attribute_type(tags, 'SS')"));
        Assert.Equal(["1", "3", "5"], await Keys("begins_with(\"name\", 'o')"));
        Assert.Equal(["1", "2"], await Keys("sk < 3 AND sk <> 5"));

        var descending = await Run(Client, $"SELECT sk FROM \"{table}\" WHERE pk = 'p' AND sk > 4 ORDER BY sk DESC");
        Assert.Equal(["7", "6", "5"], descending.Items.Select(i => i["sk"].N));
    }

    [Fact]
    public async Task A_where_on_the_partition_key_is_a_query_and_any_other_a_full_scan()
    {
        var table = await Table(Client, "pqplan");
        var big = new string('x', 3000);
        foreach (var pk in new[] { "a", "b", "c", "d", "e", "f", "g", "h" })
            await Client.PutItemAsync(table, Item(("pk", S(pk)), ("v", N(pk == "c" ? "1" : "0")), ("pad", S(big))));

        async Task<(string Keys, double Units)> Select(string where)
        {
            var response = await Client.ExecuteStatementAsync(new ExecuteStatementRequest
            {
                Statement = $"SELECT pk FROM \"{table}\" WHERE {where}",
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            });
            Assert.Equal(table, response.ConsumedCapacity.TableName);
            return (string.Join(",", response.Items.Select(i => i["pk"].S).Order()), response.ConsumedCapacity.CapacityUnits!.Value);
        }
        // One 3 KB item read, eventually consistent: half a unit.
        Assert.Equal(("c", 0.5), await Select("pk = 'c'"));
        Assert.Equal(("a,c", 1.0), await Select("pk IN ['c', 'a', 'c']"));
        Assert.Equal(("b,c", 1.0), await Select("pk = 'b' OR pk = 'c'"));
        Assert.Equal(("c", 0.5), await Select("pk = 'c' AND v = 1"));
        // The same filter without the key reads every item of the table: 8 items of 3 KB in 4 KB units, halved.
        Assert.Equal(("c", 3.0), await Select("v = 1"));
        Assert.Equal(("c", 3.0), await Select("pk = 'c' OR v = 7"));
        Assert.Equal(8, (await Run(Client, $"SELECT * FROM \"{table}\"")).Items.Count);
    }

    [Fact]
    public async Task Pages_follow_the_limit_and_the_next_token_to_the_end()
    {
        var table = await Table(Client, "pqpage", sortKey: true);
        for (var i = 0; i < 7; i++) await Client.PutItemAsync(table, Item(("pk", S("p")), ("sk", N($"{i}"))));
        for (var i = 0; i < 3; i++) await Client.PutItemAsync(table, Item(("pk", S("q")), ("sk", N($"{i}"))));

        async Task<List<List<string>>> Pages(string statement, int limit, bool expectLastKey)
        {
            var pages = new List<List<string>>();
            string? next = null;
            do
            {
                var response = await Client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, Limit = limit, NextToken = next });
                pages.Add(response.Items.Select(i => i["pk"].S + i["sk"].N).ToList());
                next = response.NextToken;
                if (next is not null && expectLastKey) Assert.True(HasItem(response.LastEvaluatedKey));
            }
            while (next is not null);
            return pages;
        }
        Assert.Equal([["p0", "p1", "p2"], ["p3", "p4", "p5"], ["p6"]], await Pages($"SELECT * FROM \"{table}\" WHERE pk = 'p'", 3, expectLastKey: true));
        var queries = await Pages($"SELECT * FROM \"{table}\" WHERE pk IN ['q', 'p'] AND sk < 2", 2, expectLastKey: false);
        Assert.Equal(["q0", "q1", "p0", "p1"], queries.SelectMany(p => p));
        var scanned = await Pages($"SELECT * FROM \"{table}\"", 4, expectLastKey: true);
        Assert.Equal(10, scanned.Sum(p => p.Count));
        Assert.Equal(10, scanned.SelectMany(p => p).Distinct().Count());

        // Limit counts items read, not items returned: a filter may leave a page empty but not the last.
        var filtered = await Client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'p' AND NOT sk < 5", Limit = 2 });
        Assert.Empty(filtered.Items);
        Assert.NotNull(filtered.NextToken);

        var first = await Client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'p'", Limit = 1 });
        await ThrowsValidation(() => Client.ExecuteStatementAsync(new ExecuteStatementRequest
        {
            Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'q'", NextToken = first.NextToken,
        }), "NextToken does not match request");
        await ThrowsValidation(() => Client.ExecuteStatementAsync(new ExecuteStatementRequest
        {
            Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'p'", NextToken = "not a token",
        }), "Invalid NextToken");
        await ThrowsValidation(() => Client.ExecuteStatementAsync(new ExecuteStatementRequest
        {
            Statement = $"SELECT * FROM \"{table}\"", Limit = int.Parse("0", System.Globalization.CultureInfo.InvariantCulture),
        }), "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    [Fact]
    public async Task A_select_from_an_index_reads_the_index()
    {
        var table = UniqueName("pqindex");
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("city", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "byCity",
                    KeySchema = [new KeySchemaElement("city", KeyType.HASH), new KeySchemaElement("pk", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        });
        foreach (var (pk, city) in new[] { ("a", "Oslo"), ("b", "Rome"), ("c", "Oslo") })
            await Client.PutItemAsync(table, Item(("pk", S(pk)), ("city", S(city))));
        var statement = $"SELECT pk FROM \"{table}\".\"byCity\" WHERE city = 'Oslo' ORDER BY pk DESC";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        ExecuteStatementResponse response;
        do response = await Run(Client, statement);
        while (response.Items.Count < 2 && DateTime.UtcNow < deadline);
        Assert.Equal(["c", "a"], response.Items.Select(i => i["pk"].S));

        await ThrowsValidation(() => Client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, ConsistentRead = true }),
            "Strongly consistent read is not supported on Global Secondary Indexes");
        await Refused(Client, $"SELECT * FROM \"{table}\".\"nope\" WHERE city = 'Oslo'", "ValidationException", "The table does not have the specified index");
        await Refused(Client, $"SELECT * FROM \"{table}\".\"byCity\".\"x\"", "ValidationException", "A path may contain at most 2 components in the FROM clause");
    }

    [Fact]
    public async Task Returning_gives_the_item_before_or_after_all_of_it_or_what_changed()
    {
        var table = await Table(Client, "pqret");
        async Task<List<Dictionary<string, AttributeValue>>> Update(string set, string returning)
        {
            await Client.PutItemAsync(table, Item(("pk", S("a")), ("data", S("old")), ("keep", S("same")), ("tags", L(S("x"), S("y"), S("z")))));
            return (await Run(Client, $"UPDATE \"{table}\" {set} WHERE pk = 'a' RETURNING {returning}")).Items;
        }
        AssertItem(Item(("pk", S("a")), ("data", S("old")), ("keep", S("same")), ("tags", L(S("x"), S("y"), S("z")))), Assert.Single(await Update("SET data = 'new'", "ALL OLD *")));
        AssertItem(Item(("pk", S("a")), ("data", S("new")), ("keep", S("same")), ("tags", L(S("x"), S("y"), S("z")))), Assert.Single(await Update("SET data = 'new'", "ALL NEW *")));
        AssertItem(Item(("data", S("old"))), Assert.Single(await Update("SET data = 'new'", "MODIFIED OLD *")));
        AssertItem(Item(("data", S("new"))), Assert.Single(await Update("SET data = 'new'", "MODIFIED NEW *")));
        AssertItem(Item(("tags", L(S("x"), S("Z")))), Assert.Single(await Update("SET tags[2] = 'Z', tags[0] = 'x'", "MODIFIED NEW *")));
        Assert.Empty(await Update("REMOVE data", "MODIFIED NEW *"));
        Assert.Empty(await Update("SET fresh = 1", "MODIFIED OLD *"));

        var deleted = await Run(Client, $"DELETE FROM \"{table}\" WHERE pk = 'a' RETURNING ALL OLD *");
        Assert.Equal("same", Assert.Single(deleted.Items)["keep"].S);
        Assert.Empty((await Run(Client, $"DELETE FROM \"{table}\" WHERE pk = 'a' RETURNING ALL OLD *")).Items);
        foreach (var refused in new[] { "MODIFIED OLD *", "ALL NEW *", "MODIFIED NEW *" })
            await Refused(Client, $"DELETE FROM \"{table}\" WHERE pk = 'a' RETURNING {refused}", "ValidationException",
                $"Invalid returning clause: RETURNING {refused}. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        await Refused(Client, $"INSERT INTO \"{table}\" VALUE {{'pk': 'b'}} RETURNING ALL OLD *", "ValidationException", "RETURNING is not supported in INSERT");
        Assert.Null(await Get(Client, table, ("pk", S("b"))));
    }

    [Fact]
    public async Task Inserting_a_key_that_exists_updating_a_missing_item_and_false_conditions_fail_and_change_nothing()
    {
        var table = await Table(Client, "pqfail");
        await Run(Client, $"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'v': 1}}");
        var duplicate = await Assert.ThrowsAsync<DuplicateItemException>(() => Run(Client, $"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'v': 2}}"));
        Assert.Equal("Duplicate primary key exists in table", duplicate.Message);

        await Refused(Client, $"UPDATE \"{table}\" SET v = 5 WHERE pk = 'missing'", "ConditionalCheckFailedException", "The conditional request failed");
        Assert.Null(await Get(Client, table, ("pk", S("missing"))));
        await Refused(Client, $"UPDATE \"{table}\" SET v = 5 WHERE pk = 'a' AND v = 2", "ConditionalCheckFailedException", "The conditional request failed");
        await Refused(Client, $"DELETE FROM \"{table}\" WHERE pk = 'a' AND v <> 1", "ConditionalCheckFailedException", "The conditional request failed");
        var failed = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Client.ExecuteStatementAsync(new ExecuteStatementRequest
        {
            Statement = $"UPDATE \"{table}\" SET v = 5 WHERE pk = 'a' AND v > 1",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));
        Assert.Equal("1", failed.Item["v"].N);
        AssertItem(Item(("pk", S("a")), ("v", N("1"))), await Get(Client, table, ("pk", S("a"))));

        // A DELETE of a missing item succeeds whatever its conditions, as DELETE of nothing does.
        await Run(Client, $"DELETE FROM \"{table}\" WHERE pk = 'missing' AND v = 3");
        await Run(Client, $"DELETE FROM \"{table}\" WHERE pk = 'a' AND v = 1");
        Assert.Null(await Get(Client, table, ("pk", S("a"))));

        await Refused(Client, $"SELECT * FROM \"missing-{Guid.NewGuid():N}\" WHERE pk = 'a'", "ResourceNotFoundException", "Requested resource not found");
    }

    [Fact]
    public async Task Writes_need_an_equality_on_every_key_attribute()
    {
        var table = await Table(Client, "pqkey", sortKey: true);
        const string incomplete = "Where clause does not contain a mandatory equality on all key attributes";
        await Refused(Client, $"UPDATE \"{table}\" SET v = 1 WHERE pk = 'a'", "ValidationException", incomplete);
        await Refused(Client, $"DELETE FROM \"{table}\" WHERE v = 1", "ValidationException", incomplete);
        await Refused(Client, $"DELETE FROM \"{table}\" WHERE pk = 'a' OR sk = 1", "ValidationException", incomplete);
        await Refused(Client, $"UPDATE \"{table}\" SET v = 1", "ValidationException", incomplete);
        await Refused(Client, $"FROM \"{table}\" SET v = 1", "ValidationException", incomplete);
        await Refused(Client, $"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 1 AND sk = 2", "ValidationException",
            "Multiple conditions on same key sk. Only single item Update/Insert/Delete are supported");
        await Refused(Client, $"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = 'one'", "ValidationException",
            "Key attribute's data type should match its data type in table's schema: Key sk");
        await Refused(Client, $"INSERT INTO \"{table}\" VALUE {{'pk': 'a'}}", "ValidationException", "Key attribute should be present in the item: Key sk");
        await Refused(Client, $"UPDATE \"{table}\" SET pk = 'b' WHERE pk = 'a' AND sk = 1", "ValidationException",
            "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
    }

    [Theory]
    [InlineData("SLECT * FROM \"T\"", "Statement wasn't well formed, can't be processed: Expected data manipulation")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' foo", "Statement wasn't well formed, can't be processed: Unexpected token after expression")]
    [InlineData("SELECT * FROM \"T\" WHERE", "Statement wasn't well formed, can't be processed: Unexpected term")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' AND", "Statement wasn't well formed, can't be processed: Missing right-hand side expression of infix operator")]
    [InlineData("SELECT * FROM \"T\" WHERE ORDER BY pk", "Statement wasn't well formed, can't be processed: Unexpected keyword")]
    [InlineData("SELECT * FROM \"T\" WHERE IS NULL", "Statement wasn't well formed, can't be processed: Unexpected operator")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' AND x IS FOO", "Statement wasn't well formed, can't be processed: Expected type name")]
    [InlineData("DELETE FROM WHERE pk = 'a'", "Statement wasn't well formed, can't be processed: Expected identifier for simple path")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a", "Statement wasn't well formed, can't be processed: ")]
    [InlineData("SELECT * FROM \"T\" t WHERE pk = 'x'", "Aliasing is not supported")]
    [InlineData("SELECT * FROM \"\" WHERE pk = 'p'", "Path component cannot be an empty string")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 1e126", "Number overflow. Attempting to store a number with magnitude larger than supported range under root")]
    [InlineData("INSERT INTO \"T\" VALUE {'pk': 'a', 'l': [1, 1e126]}", "Number overflow. Attempting to store a number with magnitude larger than supported range under root.l[1]")]
    [InlineData("INSERT INTO \"T\" VALUES {'pk': 'a'}", "Unsupported operation: Inserting multiple items in a single statement is not supported, use \"INSERT INTO tableName VALUE item\" instead")]
    [InlineData("INSERT INTO \"T\" VALUE {'pk': 'a', 's': <<>>}", "Empty bags are not supported")]
    [InlineData("INSERT INTO \"T\" VALUE {'pk': 'a', 's': <<'x', 'x'>>}", "Input collection contains duplicates")]
    [InlineData("INSERT INTO \"T\" VALUE {'pk': 'a', 's': <<'x', 1>>}", "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags")]
    [InlineData("INSERT INTO \"T\" VALUE {'pk': 'a', 'pk': 'b'}", "Duplicate keys in tuple. Key: pk under root")]
    [InlineData("INSERT INTO \"T\" VALUE ['pk']", "Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' LIMIT 1", "Unsupported clause: LIMIT")]
    [InlineData("SELECT * FROM \"T\" WHERE pad = 'none'", "Statement wasn't well formed, can't be processed: Unexpected keyword")]
    [InlineData("SELECT * FROM \"T\" ORDER BY pk", "Must have WHERE clause in the statement when using ORDER BY clause.")]
    [InlineData("SELECT * FROM \"T\" WHERE v = 1 ORDER BY pk", "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' ORDER BY v", "Variable reference v in ORDER BY clause must be part of the primary key")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' AND v < ?", "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' AND nope(v)", "Unrecognized function: nope")]
    [InlineData("UPDATE \"T\" SET s = set_add(t, <<'a'>>) WHERE pk = 'a'", "The first argument to SET_ADD must equal the assignment value")]
    [InlineData("UPDATE \"T\" SET s = set_delete(s, 'a') WHERE pk = 'a'", "The second argument to SET_DELETE must be a value with type SET")]
    [InlineData("EXISTS(SELECT * FROM \"T\" WHERE pk = 'a')", "EXISTS can only be used in ExecuteTransaction write requests.")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' AND v = MISSING", "MISSING must be compared using IS operator")]
    [InlineData("SELECT * FROM \"T\" WHERE pk = 'a' AND v IS INT", "Unsupported data type for IS operator: INT. Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]")]
    public async Task Statements_DynamoDB_cannot_run_are_refused_with_its_message(string statement, string message)
    {
        var table = await Table(Client, "pqbad");
        await Client.PutItemAsync(table, Item(("pk", S("a")), ("v", N("1"))));
        var parameters = statement.Contains('?', StringComparison.Ordinal) ? new[] { Bool(true) } : [];
        await Refused(Client, statement.Replace("\"T\"", $"\"{table}\"", StringComparison.Ordinal), "ValidationException", message, parameters);
        AssertItem(Item(("pk", S("a")), ("v", N("1"))), await Get(Client, table, ("pk", S("a"))));
    }

    [Fact]
    public async Task The_AWS_CLI_runs_statements()
    {
        var table = await Table(Client, "pqcli");
        var inserted = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodb", "execute-statement",
            "--statement", $"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'v': 2}}", "--parameters", """[{"S": "from-cli"}]""");
        Assert.True(inserted.ExitCode == 0, inserted.Error);
        var selected = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodb", "execute-statement", "--statement", $"SELECT * FROM \"{table}\" WHERE pk = 'from-cli'");
        Assert.True(selected.ExitCode == 0, selected.Error);
        using var output = System.Text.Json.JsonDocument.Parse(selected.Output);
        var item = Assert.Single(output.RootElement.GetProperty("Items").EnumerateArray().ToList());
        Assert.Equal("2", item.GetProperty("v").GetProperty("N").GetString());
        var duplicate = await AwsCli.RunAsync(fixture.EndpointUrl, "dynamodb", "execute-statement", "--statement", $"INSERT INTO \"{table}\" VALUE {{'pk': 'from-cli'}}");
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("(DuplicateItemException)", duplicate.Error, StringComparison.Ordinal);
    }
}
