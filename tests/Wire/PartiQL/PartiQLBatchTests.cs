using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.PartiQL.PartiQLWire;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire.PartiQL;

/// <summary>BatchExecuteStatement through the AWS SDK: reads by key, writes, and the errors of single statements in their place.</summary>
[Collection("wire")]
public class PartiQLBatchTests(SiloFixture fixture)
{
    private IAmazonDynamoDB Client => fixture.Client;

    private static BatchStatementRequest Statement(string statement, params AttributeValue[] parameters) =>
        new() { Statement = statement, Parameters = parameters.Length == 0 ? null : [.. parameters] };

    [Fact]
    public async Task Reads_answer_each_statement_in_its_place_with_its_item_or_its_error()
    {
        var table = await Table(Client, "pqbread");
        await Client.PutItemAsync(table, Item(("pk", S("a")), ("v", N("1")), ("w", S("x"))));
        await Client.PutItemAsync(table, Item(("pk", S("b")), ("v", N("2"))));
        var response = await Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                Statement($"SELECT v FROM \"{table}\" WHERE pk = 'a'"),
                Statement($"SELECT * FROM \"{table}\" WHERE pk = ?", S("b")),
                Statement($"SELECT * FROM \"{table}\" WHERE pk = 'missing'"),
                Statement($"SLECT * FROM \"{table}\" WHERE pk = 'a'"),
                Statement($"SELECT * FROM \"{table}\" WHERE v = 1"),
                Statement($"SELECT * FROM \"nope-{Guid.NewGuid():N}\" WHERE pk = 'a'"),
                Statement($"SELECT * FROM \"{table}\" WHERE pk = 'c' AND v = 9"),
            ],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        var r = response.Responses;
        Assert.Equal(7, r.Count);
        AssertItem(Item(("v", N("1"))), r[0].Item);
        Assert.Equal(table, r[0].TableName);
        AssertItem(Item(("pk", S("b")), ("v", N("2"))), r[1].Item);
        Assert.False(HasItem(r[2].Item));
        Assert.Null(r[2].Error);
        Assert.Equal(table, r[2].TableName);
        Assert.Equal("ValidationError", r[3].Error.Code.Value);
        Assert.Equal("Statement wasn't well formed, can't be processed: Expected data manipulation", r[3].Error.Message);
        Assert.Null(r[3].TableName);
        Assert.Equal("ValidationError", r[4].Error.Code.Value);
        Assert.Equal("Select statements within BatchExecuteStatement must specify the primary key in the where clause.", r[4].Error.Message);
        Assert.Equal("ResourceNotFound", r[5].Error.Code.Value);
        Assert.False(HasItem(r[6].Item));
        Assert.Equal(table, Assert.Single(response.ConsumedCapacity).TableName);
        Assert.Equal(2.0, response.ConsumedCapacity[0].CapacityUnits);
    }

    [Fact]
    public async Task Writes_run_each_on_its_own_and_a_failure_leaves_the_others_done()
    {
        var table = await Table(Client, "pqbwrite");
        await Client.PutItemAsync(table, Item(("pk", S("upd")), ("v", N("1"))));
        await Client.PutItemAsync(table, Item(("pk", S("del")), ("v", N("1"))));
        await Client.PutItemAsync(table, Item(("pk", S("dup"))));
        await Client.PutItemAsync(table, Item(("pk", S("cond")), ("v", N("1"))));
        var response = await Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                Statement($"INSERT INTO \"{table}\" VALUE {{'pk': 'new', 'v': ?}}", N("5")),
                Statement($"UPDATE \"{table}\" SET v = v + 1 WHERE pk = 'upd' RETURNING ALL NEW *"),
                Statement($"DELETE FROM \"{table}\" WHERE pk = 'del' RETURNING ALL OLD *"),
                Statement($"INSERT INTO \"{table}\" VALUE {{'pk': 'dup'}}"),
                Statement($"UPDATE \"{table}\" SET v = 9 WHERE pk = 'cond' AND v = 2"),
                Statement($"UPDATE \"{table}\" SET v = 9 WHERE v = 2"),
            ],
        });
        var r = response.Responses;
        Assert.Null(r[0].Error);
        Assert.Equal(table, r[0].TableName);
        AssertItem(Item(("pk", S("upd")), ("v", N("2"))), r[1].Item);
        AssertItem(Item(("pk", S("del")), ("v", N("1"))), r[2].Item);
        Assert.Equal("DuplicateItem", r[3].Error.Code.Value);
        Assert.Equal("Duplicate primary key exists in table", r[3].Error.Message);
        Assert.Equal(table, r[3].TableName);
        Assert.Equal("ConditionalCheckFailed", r[4].Error.Code.Value);
        Assert.Equal("The conditional request failed", r[4].Error.Message);
        Assert.Equal(table, r[4].TableName);
        Assert.Equal("ValidationError", r[5].Error.Code.Value);
        Assert.Equal("Where clause does not contain a mandatory equality on all key attributes", r[5].Error.Message);
        Assert.Null(r[5].TableName);

        Assert.Equal("5", (await Get(Client, table, ("pk", S("new"))))!["v"].N);
        Assert.Null(await Get(Client, table, ("pk", S("del"))));
        Assert.Equal("1", (await Get(Client, table, ("pk", S("cond"))))!["v"].N);
    }

    [Fact]
    public async Task A_batch_mixing_reads_and_writes_naming_an_item_twice_or_too_long_is_refused_whole()
    {
        var table = await Table(Client, "pqbbad");
        await ThrowsValidation(() => Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements = [Statement($"SELECT * FROM \"{table}\" WHERE pk = 'a'"), Statement($"INSERT INTO \"{table}\" VALUE {{'pk': 'b'}}")],
        }), "Read and write requests together in the same batch is not supported.");
        await ThrowsValidation(() => Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements = [Statement($"INSERT INTO \"{table}\" VALUE {{'pk': 'b'}}"), Statement($"DELETE FROM \"{table}\" WHERE pk = 'b'")],
        }), "Provided list of item keys contains duplicates");
        Assert.Null(await Get(Client, table, ("pk", S("b"))));
        await ThrowsValidation(() => Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements = Enumerable.Range(0, 26).Select(i => Statement($"INSERT INTO \"{table}\" VALUE {{'pk': '{i}'}}")).ToList(),
        }), "1 validation error detected: Value at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25");
        Assert.Null(await Get(Client, table, ("pk", S("0"))));
        await ThrowsValidation(() => Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest { Statements = [] }),
            "1 validation error detected: Value '[]' at 'statements' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
}
