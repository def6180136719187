using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DataTier.Tests.Processes;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

/// <summary>A silo with access keys configured takes only requests signed (Signature Version 4) with one of them, from the AWS SDK, the CLI or anyone.</summary>
public sealed class SignatureWireTests : IAsyncLifetime
{
    private const string KeyId = "AKIDDATATIER";
    private const string Secret = "s3cr3t/Key+WithSlash";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "datatier-signed-" + Guid.NewGuid().ToString("N"));
    private SiloProcess _silo = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        var policy = Path.Combine(_data, "policy.json");
        await File.WriteAllTextAsync(policy, PolicyDocument);
        var ownRows = Path.Combine(_data, "own-rows.json");
        await File.WriteAllTextAsync(ownRows, OwnRowsPolicy);
        _silo = new SiloProcess(_data, [$"--Endpoints:DynamoDb:AccessKeys:{KeyId}={Secret}", "--Endpoints:DynamoDb:AccessKeys:AKIDSECOND=another",
            "--Endpoints:DynamoDb:ReadOnlyAccessKeys:AKIDREADER=reader-secret",
            "--Endpoints:DynamoDb:AccessKeys:AKIDPOLICY=policy-secret", "--Endpoints:DynamoDb:Policies:AKIDPOLICY=" + policy,
            "--Endpoints:DynamoDb:AccessKeys:AKIDUSER=user-secret", "--Endpoints:DynamoDb:Policies:AKIDUSER=" + ownRows,
            "--Endpoints:DynamoDb:AccessKeys:AKIDATTRS=attrs-secret", "--Endpoints:DynamoDb:Policies:AKIDATTRS=" + SomeAttributesPolicy,
            "--Endpoints:DynamoDb:AccessKeys:AKIDREMOTE=remote-secret", "--Endpoints:DynamoDb:Policies:AKIDREMOTE=" + RemoteOnlyPolicy]);
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_silo.IsRunning) await _silo.StopAsync();
        _silo.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private AmazonDynamoDBClient Client(string keyId, string secret) => new(new BasicAWSCredentials(keyId, secret), new AmazonDynamoDBConfig
    {
        ServiceURL = _silo.EndpointUrl,
        AuthenticationRegion = "eu-west-1",
        MaxErrorRetry = 0,
    });

    [Fact]
    public async Task Requests_signed_with_a_configured_key_are_served_and_others_get_AWSs_errors()
    {
        using var signed = Client(KeyId, Secret);
        var table = UniqueName("signed");
        await CreateTable(signed, table, ("pk", ScalarAttributeType.S));
        // Past 64 KB the body is read through a stream, not in place: it is signed all the same.
        var large = Item(("pk", S("large")), ("v", S(new string('x', 300_000))));
        await signed.PutItemAsync(table, large);
        Assert.Equal(300_000, (await signed.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S("large"))), ConsistentRead = true })).Item["v"].S.Length);
        using var second = Client("AKIDSECOND", "another");
        Assert.Contains(table, (await second.ListTablesAsync()).TableNames);

        using var wrongSecret = Client(KeyId, "not-the-secret");
        var refused = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => wrongSecret.PutItemAsync(table, Item(("pk", S("forged")))));
        Assert.Equal("InvalidSignatureException", refused.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", refused.Message);
        Assert.False(HasItem((await signed.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S("forged"))), ConsistentRead = true })).Item));

        using var unknown = Client("AKIDUNKNOWN", Secret);
        var unrecognized = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => unknown.ListTablesAsync());
        Assert.Equal("UnrecognizedClientException", unrecognized.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", unrecognized.Message);

        using var http = new HttpClient();
        var unsigned = new HttpRequestMessage(HttpMethod.Post, _silo.EndpointUrl)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        unsigned.Headers.Add("X-Amz-Target", "DynamoDB_20120810.ListTables");
        var response = await http.SendAsync(unsigned);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_read_only_key_reads_items_and_descriptions_and_is_denied_everything_else()
    {
        using var writer = Client(KeyId, Secret);
        var table = UniqueName("readonly");
        await CreateTable(writer, table, ("pk", ScalarAttributeType.S));
        await writer.PutItemAsync(table, Item(("pk", S("a")), ("v", S("1"))));

        using var reader = Client("AKIDREADER", "reader-secret");
        Assert.Equal("1", (await reader.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S("a"))), ConsistentRead = true })).Item["v"].S);
        Assert.Equal(1, (await reader.ScanAsync(new ScanRequest { TableName = table })).Count);
        Assert.Equal(1, (await reader.QueryAsync(new QueryRequest
        {
            TableName = table, KeyConditionExpression = "pk = :p", ExpressionAttributeValues = new() { [":p"] = S("a") },
        })).Count);
        Assert.Equal(table, (await reader.DescribeTableAsync(table)).Table.TableName);
        Assert.Contains(table, (await reader.ListTablesAsync()).TableNames);

        var denied = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => reader.PutItemAsync(table, Item(("pk", S("a")), ("v", S("2")))));
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Equal($"User: arn:aws:iam::000000000000:user/AKIDREADER is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:local:000000000000:table/{table} because no identity-based policy allows the dynamodb:PutItem action",
            denied.Message);
        Assert.Equal("AccessDeniedException", (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => reader.DeleteTableAsync(table))).ErrorCode);
        Assert.Equal("AccessDeniedException", (await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            CreateTable(reader, UniqueName("never"), ("pk", ScalarAttributeType.S)))).ErrorCode);
        Assert.Equal("1", (await writer.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("pk", S("a"))), ConsistentRead = true })).Item["v"].S);

        var cli = await AwsCli.RunAsync(_silo.EndpointUrl, ("AKIDREADER", "reader-secret"), "dynamodb", "put-item", "--table-name", table, "--item", """{"pk":{"S":"b"}}""");
        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("(AccessDeniedException)", cli.Error, StringComparison.Ordinal);
    }

    /// <summary>Items of the "orders-" tables and their indexes, but never a deletion; every table may be described.</summary>
    private const string PolicyDocument = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem"],
              "Resource": ["arn:aws:dynamodb:*:*:table/orders-*"] },
            { "Effect": "Allow", "Action": "dynamodb:Describe*", "Resource": "*" },
            { "Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "*" }
          ]
        }
        """;

    [Fact]
    public async Task A_key_with_a_policy_may_do_only_what_the_policy_allows_and_is_denied_the_rest_in_IAMs_words()
    {
        using var admin = Client(KeyId, Secret);
        var orders = UniqueName("orders");
        var other = UniqueName("other");
        await CreateTable(admin, orders, ("pk", ScalarAttributeType.S));
        await CreateTable(admin, other, ("pk", ScalarAttributeType.S));

        using var limited = Client("AKIDPOLICY", "policy-secret");
        await limited.PutItemAsync(orders, Item(("pk", S("a")), ("v", S("1"))));
        Assert.Equal("1", (await limited.GetItemAsync(new GetItemRequest { TableName = orders, Key = Item(("pk", S("a"))), ConsistentRead = true })).Item["v"].S);
        Assert.Equal(other, (await limited.DescribeTableAsync(other)).Table.TableName);

        var otherTable = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => limited.PutItemAsync(other, Item(("pk", S("x")))));
        Assert.Equal("AccessDeniedException", otherTable.ErrorCode);
        Assert.Equal($"User: arn:aws:iam::000000000000:user/AKIDPOLICY is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:local:000000000000:table/{other} because no identity-based policy allows the dynamodb:PutItem action",
            otherTable.Message);
        var deletion = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => limited.DeleteItemAsync(orders, Item(("pk", S("a")))));
        Assert.Equal($"User: arn:aws:iam::000000000000:user/AKIDPOLICY is not authorized to perform: dynamodb:DeleteItem on resource: arn:aws:dynamodb:local:000000000000:table/{orders} with an explicit deny in an identity-based policy",
            deletion.Message);
        // A batch needs every table it writes to: one it may not write refuses the whole batch.
        var batch = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => limited.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [orders] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("b"))) } }],
                [other] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("b"))) } }],
            },
        }));
        Assert.Contains($"table/{other} because", batch.Message);
        Assert.Equal("AccessDeniedException", (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => limited.ListTablesAsync())).ErrorCode);

        var contents = await admin.ScanAsync(new ScanRequest { TableName = orders, ConsistentRead = true });
        Assert.Equal(["a"], contents.Items.Select(i => i["pk"].S));
        Assert.Equal(0, (await admin.ScanAsync(new ScanRequest { TableName = other, ConsistentRead = true })).Count);
    }

    /// <summary>Fine-grained access: the rows whose partition key is the caller's user name (here its access key id).</summary>
    private const string OwnRowsPolicy = """
        { "Statement": [ { "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:PartiQLSelect", "dynamodb:PartiQLInsert"],
            "Resource": "arn:aws:dynamodb:*:*:table/rows-*",
            "Condition": { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["${aws:username}"] } } } ] }
        """;

    /// <summary>A table <see cref="OwnRowsPolicy"/> applies to: partition key "user", sort key "n".</summary>
    private static async Task<string> CreateRowsTable(AmazonDynamoDBClient admin)
    {
        var table = UniqueName("rows");
        await admin.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("user", KeyType.HASH), new KeySchemaElement("n", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("user", ScalarAttributeType.S), new AttributeDefinition("n", ScalarAttributeType.N)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        return table;
    }

    [Fact]
    public async Task A_key_limited_to_its_own_partition_keys_reads_and_writes_only_those()
    {
        using var admin = Client(KeyId, Secret);
        var table = await CreateRowsTable(admin);
        await admin.PutItemAsync(table, Item(("user", S("AKIDOTHER")), ("n", N("1"))));
        using var user = Client("AKIDUSER", "user-secret");
        await user.PutItemAsync(table, Item(("user", S("AKIDUSER")), ("n", N("1")), ("v", S("mine"))));
        Assert.Equal("mine", (await user.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("user", S("AKIDUSER")), ("n", N("1"))), ConsistentRead = true })).Item["v"].S);
        Assert.Equal(1, (await user.QueryAsync(new QueryRequest
        {
            TableName = table, KeyConditionExpression = "#u = :u", ExpressionAttributeNames = new() { ["#u"] = "user" }, ExpressionAttributeValues = new() { [":u"] = S("AKIDUSER") },
        })).Count);

        var others = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            user.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("user", S("AKIDOTHER")), ("n", N("1"))) }));
        Assert.Equal("AccessDeniedException", others.ErrorCode);
        Assert.Equal("AccessDeniedException", (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => user.QueryAsync(new QueryRequest
        {
            TableName = table, KeyConditionExpression = "#u = :u", ExpressionAttributeNames = new() { ["#u"] = "user" }, ExpressionAttributeValues = new() { [":u"] = S("AKIDOTHER") },
        }))).ErrorCode);
        Assert.Equal("AccessDeniedException", (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => user.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [table] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("user", S("AKIDUSER")), ("n", N("2"))) } },
                    new WriteRequest { PutRequest = new PutRequest { Item = Item(("user", S("AKIDOTHER")), ("n", N("2"))) } }],
            },
        }))).ErrorCode);
        Assert.Equal("AccessDeniedException", (await Assert.ThrowsAsync<AmazonDynamoDBException>(() => user.ScanAsync(new ScanRequest { TableName = table }))).ErrorCode);
        Assert.Equal(2, (await admin.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Count);
    }

    /// <summary>Fine-grained access to attributes, as AWS documents it; and from loopback only.</summary>
    private const string SomeAttributesPolicy = """{ "Statement": [ { "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "dynamodb:Attributes": ["id", "name", "email"] }, "StringEqualsIfExists": { "dynamodb:Select": "SPECIFIC_ATTRIBUTES", "dynamodb:ReturnValues": ["NONE", "UPDATED_NEW"] }, "IpAddress": { "aws:SourceIp": "127.0.0.0/8" } } } ] }""";

    /// <summary>Allows everything, but only from a network the tests do not connect from.</summary>
    private const string RemoteOnlyPolicy = """{ "Statement": [ { "Effect": "Allow", "Action": "dynamodb:*", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } } } ] }""";

    [Fact]
    public async Task A_key_limited_to_some_attributes_reads_and_writes_only_those_and_a_key_limited_to_a_network_is_refused_outside_it()
    {
        using var admin = Client(KeyId, Secret);
        var table = UniqueName("people");
        await admin.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        await admin.PutItemAsync(table, Item(("id", S("p1")), ("name", S("Ann")), ("salary", N("100"))));
        using var limited = Client("AKIDATTRS", "attrs-secret");
        var read = await limited.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("id", S("p1"))), ProjectionExpression = "#n", ExpressionAttributeNames = new() { ["#n"] = "name" } });
        Assert.Equal(["name"], read.Item.Keys);
        async Task Denied(Func<Task> request, string action)
        {
            var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(request);
            Assert.Equal("AccessDeniedException", e.ErrorCode);
            Assert.Contains($"perform: {action} on resource", e.Message);
        }
        await Denied(() => limited.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("id", S("p1"))) }), "dynamodb:GetItem");
        await Denied(() => limited.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("id", S("p1"))), ProjectionExpression = "salary" }), "dynamodb:GetItem");
        await limited.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = Item(("id", S("p1"))), UpdateExpression = "SET email = :e", ExpressionAttributeValues = new() { [":e"] = S("ann@example.com") }, ReturnValues = ReturnValue.UPDATED_NEW,
        });
        await Denied(() => limited.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = Item(("id", S("p1"))), UpdateExpression = "SET salary = :s", ExpressionAttributeValues = new() { [":s"] = N("1000") },
        }), "dynamodb:UpdateItem");
        await Denied(() => limited.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = Item(("id", S("p1"))), UpdateExpression = "SET email = :e", ExpressionAttributeValues = new() { [":e"] = S("x") }, ReturnValues = ReturnValue.ALL_NEW,
        }), "dynamodb:UpdateItem");
        await Denied(() => limited.PutItemAsync(table, Item(("id", S("p1")), ("name", S("Ann")), ("salary", N("0")))), "dynamodb:PutItem");
        var stored = (await admin.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("id", S("p1"))), ConsistentRead = true })).Item;
        Assert.Equal(("100", "ann@example.com"), (stored["salary"].N, stored["email"].S));

        using var remote = Client("AKIDREMOTE", "remote-secret");
        await Denied(() => remote.DescribeTableAsync(table), "dynamodb:DescribeTable");
    }

    [Fact]
    public async Task PartiQL_statements_need_each_statements_PartiQL_action_and_a_read_only_key_may_only_select()
    {
        using var admin = Client(KeyId, Secret);
        var table = await CreateRowsTable(admin);
        await admin.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"INSERT INTO \"{table}\" VALUE {{'user': 'AKIDOTHER', 'n': 1}}" });
        async Task Denied(Func<Task> request, string key, string action)
        {
            var e = await Assert.ThrowsAsync<AmazonDynamoDBException>(request);
            Assert.Equal("AccessDeniedException", e.ErrorCode);
            Assert.Equal($"User: arn:aws:iam::000000000000:user/{key} is not authorized to perform: dynamodb:{action} on resource: arn:aws:dynamodb:local:000000000000:table/{table} because no identity-based policy allows the dynamodb:{action} action",
                e.Message);
        }
        var select = $"SELECT * FROM \"{table}\" WHERE \"user\" = 'AKIDOTHER' AND n = 1";

        using var reader = Client("AKIDREADER", "reader-secret");
        Assert.Single((await reader.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = select })).Items);
        Assert.True(HasItem((await reader.BatchExecuteStatementAsync(new BatchExecuteStatementRequest { Statements = [new BatchStatementRequest { Statement = select }] })).Responses[0].Item));
        Assert.True(HasItem((await reader.ExecuteTransactionAsync(new ExecuteTransactionRequest { TransactStatements = [new ParameterizedStatement { Statement = select }] })).Responses[0].Item));
        await Denied(() => reader.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"INSERT INTO \"{table}\" VALUE {{'user': 'x', 'n': 1}}" }), "AKIDREADER", "PartiQLInsert");
        await Denied(() => reader.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements = [new BatchStatementRequest { Statement = $"UPDATE \"{table}\" SET v = 1 WHERE \"user\" = 'AKIDOTHER' AND n = 1" }],
        }), "AKIDREADER", "PartiQLUpdate");

        using var user = Client("AKIDUSER", "user-secret");
        await user.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"INSERT INTO \"{table}\" VALUE {{'user': ?, 'n': 2}}", Parameters = [S("AKIDUSER")] });
        Assert.Single((await user.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE \"user\" = 'AKIDUSER'" })).Items);
        await Denied(() => user.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"INSERT INTO \"{table}\" VALUE {{'user': 'AKIDOTHER', 'n': 3}}" }), "AKIDUSER", "PartiQLInsert");
        await Denied(() => user.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = select }), "AKIDUSER", "PartiQLSelect");
        await Denied(() => user.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"DELETE FROM \"{table}\" WHERE \"user\" = 'AKIDUSER' AND n = 2" }), "AKIDUSER", "PartiQLDelete");
        Assert.Equal(2, (await admin.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Count);
    }

    [Fact]
    public async Task The_AWS_CLI_signs_with_the_key_it_is_given()
    {
        var listed = await AwsCli.RunAsync(_silo.EndpointUrl, (KeyId, Secret), "dynamodb", "list-tables");
        Assert.True(listed.ExitCode == 0, listed.Error);
        var scaling = await AwsCli.RunAsync(_silo.EndpointUrl, (KeyId, Secret), "application-autoscaling", "describe-scalable-targets", "--service-namespace", "dynamodb");
        Assert.True(scaling.ExitCode == 0, scaling.Error);
        var wrong = await AwsCli.RunAsync(_silo.EndpointUrl, (KeyId, "wrong"), "dynamodb", "list-tables");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("(InvalidSignatureException)", wrong.Error, StringComparison.Ordinal);
    }
}
