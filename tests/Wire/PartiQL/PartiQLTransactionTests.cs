using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.PartiQL.PartiQLWire;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire.PartiQL;

/// <summary>ExecuteTransaction through the AWS SDK: all-or-nothing writes with DynamoDB's cancellation reasons, reads, client tokens.</summary>
[Collection("wire")]
public class PartiQLTransactionTests(SiloFixture fixture)
{
    private IAmazonDynamoDB Client => fixture.Client;

    private static ParameterizedStatement Statement(string statement, params AttributeValue[] parameters) =>
        new() { Statement = statement, Parameters = parameters.Length == 0 ? null : [.. parameters] };

    [Fact]
    public async Task Writes_commit_together_or_are_cancelled_together_with_a_reason_per_statement()
    {
        var table = await Table(Client, "pqtx");
        await Client.PutItemAsync(table, Item(("pk", S("acct")), ("balance", N("10"))));
        await Client.PutItemAsync(table, Item(("pk", S("old")), ("v", N("1"))));
        await Client.PutItemAsync(table, Item(("pk", S("guard")), ("open", Bool(true))));
        var committed = await Client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                Statement($"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'v': 1}}", S("new")),
                Statement($"UPDATE \"{table}\" SET balance = balance - 4 WHERE pk = 'acct' AND balance >= 4"),
                Statement($"DELETE FROM \"{table}\" WHERE pk = 'old'"),
                Statement($"EXISTS(SELECT * FROM \"{table}\" WHERE pk = 'guard' AND \"open\" = TRUE)"),
            ],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        Assert.Equal(table, Assert.Single(committed.ConsumedCapacity).TableName);
        Assert.Equal(8, committed.ConsumedCapacity[0].CapacityUnits);
        Assert.Equal("6", (await Get(Client, table, ("pk", S("acct"))))!["balance"].N);
        Assert.NotNull(await Get(Client, table, ("pk", S("new"))));
        Assert.Null(await Get(Client, table, ("pk", S("old"))));

        var cancelled = await Assert.ThrowsAsync<TransactionCanceledException>(() => Client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                Statement($"INSERT INTO \"{table}\" VALUE {{'pk': 'another'}}"),
                new ParameterizedStatement
                {
                    Statement = $"UPDATE \"{table}\" SET balance = balance - 50 WHERE pk = 'acct' AND balance >= 50",
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
                Statement($"INSERT INTO \"{table}\" VALUE {{'pk': 'new'}}"),
                Statement($"UPDATE \"{table}\" SET v = 1 WHERE pk = 'absent'"),
                Statement($"EXISTS(SELECT * FROM \"{table}\" WHERE pk = 'guard' AND \"open\" = FALSE)"),
            ],
        }));
        Assert.Equal("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, DuplicateItem, ConditionalCheckFailed, ConditionalCheckFailed]",
            cancelled.Message);
        Assert.Equal(["None", "ConditionalCheckFailed", "DuplicateItem", "ConditionalCheckFailed", "ConditionalCheckFailed"], cancelled.CancellationReasons.Select(c => c.Code));
        Assert.Equal("6", cancelled.CancellationReasons[1].Item["balance"].N);
        Assert.Equal("Duplicate primary key exists in table", cancelled.CancellationReasons[2].Message);
        Assert.Null(await Get(Client, table, ("pk", S("another"))));
        Assert.Equal("6", (await Get(Client, table, ("pk", S("acct"))))!["balance"].N);
    }

    [Fact]
    public async Task Reads_return_an_item_or_nothing_per_statement()
    {
        var table = await Table(Client, "pqtxread");
        await Client.PutItemAsync(table, Item(("pk", S("a")), ("v", N("1")), ("w", S("x"))));
        var response = await Client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                Statement($"SELECT v FROM \"{table}\" WHERE pk = 'a'"),
                Statement($"SELECT * FROM \"{table}\" WHERE pk = ?", S("missing")),
            ],
        });
        AssertItem(Item(("v", N("1"))), response.Responses[0].Item);
        Assert.False(HasItem(response.Responses[1].Item));
    }

    [Fact]
    public async Task A_client_request_token_makes_a_retry_harmless()
    {
        var table = await Table(Client, "pqtxtoken");
        await Client.PutItemAsync(table, Item(("pk", S("n")), ("count", N("0"))));
        var request = new ExecuteTransactionRequest
        {
            ClientRequestToken = "pq-" + Guid.NewGuid().ToString("N")[..20],
            TransactStatements = [Statement($"UPDATE \"{table}\" SET \"count\" = \"count\" + 1 WHERE pk = 'n'")],
        };
        await Client.ExecuteTransactionAsync(request);
        await Client.ExecuteTransactionAsync(request);
        Assert.Equal("1", (await Get(Client, table, ("pk", S("n"))))!["count"].N);
        request.TransactStatements = [Statement($"UPDATE \"{table}\" SET \"count\" = \"count\" + 2 WHERE pk = 'n'")];
        await Assert.ThrowsAsync<IdempotentParameterMismatchException>(() => Client.ExecuteTransactionAsync(request));
    }

    [Fact]
    public async Task Statements_a_transaction_cannot_take_are_refused_before_anything_runs()
    {
        var table = await Table(Client, "pqtxbad");
        async Task Refused(string message, params string[] statements)
        {
            await ThrowsValidation(() => Client.ExecuteTransactionAsync(new ExecuteTransactionRequest
            {
                TransactStatements = statements.Select(s => Statement(s.Replace("\"T\"", $"\"{table}\"", StringComparison.Ordinal))).ToList(),
            }), message);
            Assert.Null(await Get(Client, table, ("pk", S("a"))));
        }
        await Refused("ExecuteTransaction API does not support both read and write operations in the same request.",
            "INSERT INTO \"T\" VALUE {'pk': 'a'}", "SELECT * FROM \"T\" WHERE pk = 'b'");
        await Refused("Validation failed in TransactStatements[1]: RETURNING clause is not supported in ExecuteTransaction.",
            "INSERT INTO \"T\" VALUE {'pk': 'a'}", "UPDATE \"T\" SET v = 1 WHERE pk = 'b' RETURNING ALL NEW *");
        await Refused("Validation failed in TransactStatements[0]: Statement wasn't well formed, can't be processed: Unexpected term",
            "SELECT * FROM \"T\" WHERE");
        await Refused("Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify the primary key in the where clause.",
            "SELECT * FROM \"T\" WHERE v = 1");
        await Refused("Validation failed in TransactStatements[0]: Reads on indices are not supported within transactions.",
            "SELECT * FROM \"T\".\"idx\" WHERE pk = 'a'");
        await Refused("Transaction request cannot include multiple operations on one item",
            "INSERT INTO \"T\" VALUE {'pk': 'a'}", "DELETE FROM \"T\" WHERE pk = 'a'");
        await ThrowsValidation(() => Client.ExecuteTransactionAsync(new ExecuteTransactionRequest { TransactStatements = [] }),
            "1 validation error detected: Value '[]' at 'transactStatements' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
}
