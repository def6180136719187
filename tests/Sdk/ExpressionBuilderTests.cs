using DataTier.Client.Expressions;
using DataTier.Model;
using Xunit;
using Engine = DataTier.Expressions;

namespace DataTier.Tests.Sdk;

public class ExpressionBuilderTests
{
    private static Dictionary<string, string> Names(params string[] names) =>
        names.Select((n, i) => (n, i)).ToDictionary(p => "#n" + p.i, p => p.n);

    [Fact]
    public void Condition_uses_name_and_value_placeholders()
    {
        var set = new ExpressionBuilder()
            .WithCondition(Condition.Attribute("status").Eq("open").And(Condition.Attribute("retries").Lt(3)))
            .Build();
        Assert.Equal("#n0 = :v0 AND #n1 < :v1", set.ConditionExpression);
        Assert.Equal(Names("status", "retries"), set.ExpressionAttributeNames);
        Assert.Equal(AttrValue.FromS("open"), set.ExpressionAttributeValues![":v0"]);
        Assert.Equal(AttrValue.FromN(3), set.ExpressionAttributeValues[":v1"]);
    }

    [Fact]
    public void Parentheses_follow_precedence()
    {
        var a = Condition.Attribute("a").Exists();
        var b = Condition.Attribute("b").Exists();
        var c = Condition.Attribute("c").Exists();
        Assert.Equal("(attribute_exists(#n0) OR attribute_exists(#n1)) AND attribute_exists(#n2)", (a | b).And(c).ToString());
        Assert.Equal("attribute_exists(#n0) OR attribute_exists(#n1) AND attribute_exists(#n2)", a.Or(b & c).ToString());
        Assert.Equal("NOT (attribute_exists(#n0) AND attribute_exists(#n1))", (!(a & b)).ToString());
        Assert.Equal("NOT attribute_exists(#n0) AND attribute_exists(#n1)", (!a & b).ToString());
        Assert.Equal("attribute_exists(#n0) AND attribute_exists(#n1) AND attribute_exists(#n2)", Condition.All(a, b, c).ToString());
    }

    [Fact]
    public void Every_function_and_operator_renders()
    {
        var path = AttributePath.Parse("a.b[2].c");
        var condition = Condition.All(
            Condition.Attribute(path).Ne(Condition.Attribute("other")),
            Condition.Attribute("n").Between(1, 10.5m),
            Condition.Attribute("s").In("x", "y"),
            Condition.Attribute("s").NotExists(),
            Condition.Attribute("s").IsType(AttrType.SS),
            Condition.Attribute("s").BeginsWith("pre"),
            Condition.Attribute("tags").Contains("t"),
            Condition.Size("tags").Ge(2),
            Condition.Attribute("flag").Eq(true),
            Condition.Attribute("bin").Le(new byte[] { 1, 2 }));
        var set = new ExpressionBuilder().WithCondition(condition).Build();
        Assert.Equal(
            "#n0.#n1[2].#n2 <> #n3 AND #n4 BETWEEN :v0 AND :v1 AND #n5 IN (:v2, :v3) AND attribute_not_exists(#n5) AND attribute_type(#n5, :v4)"
            + " AND begins_with(#n5, :v5) AND contains(#n6, :v6) AND size(#n6) >= :v7 AND #n7 = :v8 AND #n8 <= :v9",
            set.ConditionExpression);
        Assert.Equal(Names("a", "b", "c", "other", "n", "s", "tags", "flag", "bin"), set.ExpressionAttributeNames);
        Assert.Equal(AttrValue.FromN("10.5"), set.ExpressionAttributeValues![":v1"]);
        Assert.Equal(AttrValue.FromS("SS"), set.ExpressionAttributeValues[":v4"]);
        Assert.Equal(AttrValue.True, set.ExpressionAttributeValues[":v8"]);
        Assert.Equal(AttrValue.FromB([1, 2]), set.ExpressionAttributeValues[":v9"]);
        Parse(set);
    }

    [Fact]
    public void Update_groups_actions_by_clause()
    {
        var update = Update.Set("status", "closed").Add("count", 1).Remove("lock")
            .Set(AttributePath.Of("m").Key("k"), 2.5).Delete("tags", ExpressionValue.StringSet("old"))
            .Increment("hits", 1).SetIfNotExists("created", 1700000000L).AppendToList("log", "opened");
        var set = new ExpressionBuilder().WithUpdate(update).Build();
        Assert.Equal(
            "SET #n0 = :v0, #n1.#n2 = :v1, #n3 = if_not_exists(#n3, :v2) + :v3, #n4 = if_not_exists(#n4, :v4), #n5 = list_append(if_not_exists(#n5, :v5), :v6)"
            + " REMOVE #n6 ADD #n7 :v7 DELETE #n8 :v8",
            set.UpdateExpression);
        Assert.Equal(Names("status", "m", "k", "hits", "created", "log", "lock", "count", "tags"), set.ExpressionAttributeNames);
        Assert.Equal(AttrValue.FromL([AttrValue.FromS("opened")]), set.ExpressionAttributeValues![":v6"]);
        Parse(set);
    }

    [Fact]
    public void Reserved_words_and_odd_names_need_no_care()
    {
        var set = new ExpressionBuilder()
            .WithUpdate(Update.Set("name", "x").Set("with space", 1).Set("a.b", 2))
            .WithCondition(Condition.Attribute("name").Exists())
            .Build();
        Assert.Equal("SET #n0 = :v0, #n1 = :v1, #n2 = :v2", set.UpdateExpression);
        Assert.Equal("attribute_exists(#n0)", set.ConditionExpression);
        Assert.Equal(Names("name", "with space", "a.b"), set.ExpressionAttributeNames);
        Parse(set);
    }

    [Fact]
    public void Key_condition_and_projection()
    {
        var set = new ExpressionBuilder()
            .WithKeyCondition(KeyCondition.PartitionKey("pk", "p1").SortKey("sk").Between(1, 9))
            .WithFilter(Condition.Attribute("status").Ne("gone"))
            .WithProjection(Projection.Of("status", "size").And(AttributePath.Parse("m.list[0]")))
            .Build();
        Assert.Equal("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", set.KeyConditionExpression);
        Assert.Equal("#n2 <> :v3", set.FilterExpression);
        Assert.Equal("#n2, #n3, #n4.#n5[0]", set.ProjectionExpression);
        Assert.Equal("#n0 = :v0 AND begins_with(#n1, :v1)", KeyCondition.PartitionKey("pk", 1).SortKey("sk").BeginsWith("a").ToString());
        Parse(set);
    }

    [Fact]
    public void Nothing_built_means_no_maps()
    {
        var set = new ExpressionBuilder().Build();
        Assert.Null(set.ExpressionAttributeNames);
        Assert.Null(set.ExpressionAttributeValues);
        Assert.Null(new ExpressionBuilder().WithProjection(Projection.Of("a")).Build().ExpressionAttributeValues);
    }

    [Fact]
    public void Wrong_operand_types_are_refused_early()
    {
        Assert.Throws<ArgumentException>(() => Update.Add("n", "text"));
        Assert.Throws<ArgumentException>(() => Update.Delete("s", 1));
        Assert.Throws<ArgumentException>(() => Update.Increment("n", "one"));
        Assert.Throws<ArgumentException>(() => Condition.Attribute("a").In());
        Assert.Throws<FormatException>(() => AttributePath.Parse("a..b"));
        Assert.Throws<FormatException>(() => AttributePath.Parse("a[x]"));
    }

    [Fact]
    public void Paths_parse_keys_and_indexes()
    {
        Assert.Equal(["a", "b", 2, 3, "c"], AttributePath.Parse("a.b[2][3].c").Steps);
        Assert.Equal("a.b[2][3].c", AttributePath.Parse("a.b[2][3].c").ToString());
    }

    /// <summary>Everything the builder makes, the engine parses, using every name and value.</summary>
    private static void Parse(ExpressionSet set)
    {
        var context = new Engine.ExpressionContext(set.ExpressionAttributeNames, set.ExpressionAttributeValues);
        if (set.KeyConditionExpression is not null) Engine.ExpressionParser.ParseCondition("KeyConditionExpression", set.KeyConditionExpression, context);
        if (set.UpdateExpression is not null) Engine.ExpressionParser.ParseUpdate(set.UpdateExpression, context);
        if (set.ConditionExpression is not null) Engine.ExpressionParser.ParseCondition("ConditionExpression", set.ConditionExpression, context);
        if (set.FilterExpression is not null) Engine.ExpressionParser.ParseCondition("FilterExpression", set.FilterExpression, context);
        if (set.ProjectionExpression is not null) Engine.ExpressionParser.ParseProjection(set.ProjectionExpression, context);
        context.EnsureAllUsed();
    }
}
