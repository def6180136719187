using System.Text.Json;
using DataTier.Silo.DynamoDb.Access;
using Xunit;

namespace DataTier.Tests.Access;

/// <summary>What PartiQL requests need of an access key's policy: each statement's PartiQL action on its table or index, and the attributes it names.</summary>
public sealed class PartiQLAccessTests
{
    private const string Arn = "arn:aws:dynamodb:local:000000000000:table/";

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Each_statement_needs_its_PartiQL_action_on_its_table_or_index()
    {
        Assert.Equal([new RequestedAccess.Need("dynamodb:PartiQLSelect", Arn + "Music/index/byYear")],
            RequestedAccess.Of("ExecuteStatement", Json("""{ "Statement": "SELECT * FROM \"Music\".\"byYear\" WHERE y = 1" }""")));
        Assert.Equal(
            [new RequestedAccess.Need("dynamodb:PartiQLInsert", Arn + "A"), new RequestedAccess.Need("dynamodb:PartiQLUpdate", Arn + "B"),
                new RequestedAccess.Need("dynamodb:PartiQLDelete", Arn + "A"), new RequestedAccess.Need("dynamodb:PartiQLSelect", Arn + "C")],
            RequestedAccess.Of("ExecuteTransaction", Json("""
                { "TransactStatements": [
                    { "Statement": "INSERT INTO \"A\" VALUE {'pk': ?}", "Parameters": [{ "S": "x" }] },
                    { "Statement": "UPDATE \"B\" SET v = 1 WHERE pk = 'x'" },
                    { "Statement": "DELETE FROM \"A\" WHERE pk = 'y'" },
                    { "Statement": "EXISTS(SELECT * FROM \"C\" WHERE pk = 'x' AND v = 1)" },
                    { "Statement": "not a statement" } ] }
                """)));
        Assert.Null(PartiQLAccess.FirstWrite("BatchExecuteStatement", Json("""{ "Statements": [{ "Statement": "SELECT * FROM \"A\" WHERE pk = 'a'" }] }""")));
        Assert.Equal(new RequestedAccess.Need("dynamodb:PartiQLUpdate", Arn + "B"), PartiQLAccess.FirstWrite("BatchExecuteStatement", Json("""
            { "Statements": [{ "Statement": "SELECT * FROM \"A\" WHERE pk = 'a'" }, { "Statement": "UPDATE \"B\" SET v = 1 WHERE pk = 'x'" }] }
            """)));
    }

    [Fact]
    public void The_attributes_a_statement_names_are_its_projection_item_or_targets_and_key()
    {
        Assert.Equal(new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["m", "name"] },
            RequestAttributes.Of("ExecuteStatement", Json("""{ "Statement": "SELECT \"name\", m.k[1] FROM \"A\" WHERE pk = 'a'" }""")));
        Assert.Equal(new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["pk", "v", "w"] },
            RequestAttributes.Of("ExecuteStatement", Json("""{ "Statement": "INSERT INTO \"A\" VALUE {'pk': 'a', 'v': 1, 'w': ?}", "Parameters": [{ "N": "2" }] }""")));
        Assert.Equal(new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["gone", "pk", "v"] },
            RequestAttributes.Of("ExecuteStatement", Json("""{ "Statement": "UPDATE \"A\" SET v = 2 REMOVE gone WHERE pk = 'a'" }""")));
        Assert.Equal("SPECIFIC_ATTRIBUTES", RequestAttributes.Parameters("ExecuteStatement", Json("""{ "Statement": "SELECT v FROM \"A\"" }"""))[ConditionKeys.Select]);
        Assert.Equal("ALL_ATTRIBUTES", RequestAttributes.Parameters("ExecuteStatement", Json("""{ "Statement": "SELECT * FROM \"A\"" }"""))[ConditionKeys.Select]);
        Assert.False(RequestAttributes.Parameters("ExecuteStatement", Json("""{ "Statement": "DELETE FROM \"A\" WHERE pk = 'a'" }""")).ContainsKey(ConditionKeys.Select));
    }
}
