using System.Globalization;
using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// Random but reproducible request sequences over the two <see cref="RandomTables"/>: writes with conditions,
/// update expressions and ReturnValues, reads with projections, queries and scans with filters and paging, batches;
/// keys and attribute names come from small pools so requests meet each other's items.
/// </summary>
public static class RandomRequestSequences
{
    private static readonly string[] HashKeys = ["a", "b", "c", "d"];
    private static readonly string[] RangeHashKeys = ["a", "b"];
    private static readonly string[] SortKeys = ["1", "2", "10", "1e1", "-1", "2.5", "0"];
    private static readonly string[] IndexKeys = ["x", "ab", "abc", "b"];

    public static IEnumerable<RandomRequest> Generate(int seed, int count, RandomTables tables)
    {
        var generator = new Generator(new RandomValues(new Random(seed)), tables);
        for (var i = 0; i < count; i++) yield return generator.Next();
    }

    private sealed class Generator(RandomValues v, RandomTables tables)
    {
        private readonly RandomExpressions _expressions = new(v);

        public RandomRequest Next() => v.Next(0, 100) switch
        {
            < 22 => Put(),
            < 50 => Update(),
            < 58 => Delete(),
            < 68 => Get(),
            < 84 => Query(),
            < 90 => Scan(),
            < 95 => BatchGet(),
            _ => BatchWrite(),
        };

        private bool OnRange() => v.Chance(0.5);

        private string[] KeyNames(bool range) => range ? ["pk", "sk"] : ["pk"];

        /// <summary>A key; rarely (unless <paramref name="valid"/>) one DynamoDB refuses: a missing or mistyped sort key.
        /// BatchGetItem's keys are valid: dynalite checks its projections first, DynamoDB its keys.</summary>
        private JsonObject Key(bool range, bool valid = false)
        {
            if (!range) return new JsonObject { ["pk"] = S(v.Pick(HashKeys)) };
            var key = new JsonObject { ["pk"] = S(v.Pick(RangeHashKeys)), ["sk"] = N(v.Pick(SortKeys)) };
            if (valid) return key;
            if (v.Chance(0.02)) key.Remove("sk");
            else if (v.Chance(0.02)) key["sk"] = S("1");
            return key;
        }

        private JsonObject Item(bool range)
        {
            var item = Key(range);
            foreach (var name in RandomExpressions.Attributes)
            {
                if (!v.Chance(0.35)) continue;
                item[name] = name == "ls" && range && v.Chance(0.9) ? S(v.Pick(IndexKeys)) : v.Any();
            }
            return item;
        }

        private JsonObject Write(string operation, bool range, out ExpressionPlaceholders p)
        {
            p = new ExpressionPlaceholders();
            var body = new JsonObject { ["TableName"] = range ? tables.Range : tables.Hash };
            if (v.Chance(0.4)) body["ConditionExpression"] = _expressions.Condition(p);
            var returns = operation == "UpdateItem" ? new[] { "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW" } : ["NONE", "ALL_OLD"];
            if (v.Chance(0.6)) body["ReturnValues"] = v.Pick(returns);
            return body;
        }

        private RandomRequest Put()
        {
            var range = OnRange();
            var body = Write("PutItem", range, out var p);
            body["Item"] = Item(range);
            return Finish("PutItem", body, p);
        }

        private RandomRequest Update()
        {
            var range = OnRange();
            var body = Write("UpdateItem", range, out var p);
            body["Key"] = Key(range);
            if (v.Chance(0.97)) body["UpdateExpression"] = _expressions.Update(p, KeyNames(range));
            return Finish("UpdateItem", body, p);
        }

        private RandomRequest Delete()
        {
            var range = OnRange();
            var body = Write("DeleteItem", range, out var p);
            body["Key"] = Key(range);
            return Finish("DeleteItem", body, p);
        }

        private RandomRequest Get()
        {
            var range = OnRange();
            var p = new ExpressionPlaceholders();
            var body = new JsonObject { ["TableName"] = range ? tables.Range : tables.Hash, ["Key"] = Key(range) };
            if (v.Chance(0.4)) body["ProjectionExpression"] = _expressions.Projection(p, KeyNames(range));
            if (v.Chance(0.3)) body["ConsistentRead"] = v.Chance(0.5);
            return Finish("GetItem", body, p);
        }

        private RandomRequest Query()
        {
            var range = v.Chance(0.8);
            var p = new ExpressionPlaceholders();
            var body = new JsonObject { ["TableName"] = range ? tables.Range : tables.Hash };
            var onIndex = range && v.Chance(0.3);
            if (onIndex) body["IndexName"] = RandomTables.LocalIndex;
            var hash = (v.Chance(0.3) ? p.Name("pk") : "pk") + " = " + p.Value(S(v.Pick(range ? RangeHashKeys : HashKeys)));
            var sortCondition = range && v.Chance(0.7) ? SortCondition(p, onIndex ? "ls" : "sk", onIndex) : null;
            body["KeyConditionExpression"] = sortCondition is null ? hash : v.Chance(0.8) ? hash + " AND " + sortCondition : sortCondition + " AND " + hash;
            if (v.Chance(0.35)) body["FilterExpression"] = _expressions.Condition(p);
            if (v.Chance(0.2)) body["ProjectionExpression"] = _expressions.Projection(p, KeyNames(range));
            else if (v.Chance(0.12)) body["Select"] = "COUNT";
            // Items with equal index sort keys: AWS leaves their order open, and dynalite keeps them ascending by table key
            // even when reading backwards, so only the table is read backwards.
            if (!onIndex && v.Chance(0.3)) body["ScanIndexForward"] = false;
            var paged = v.Chance(0.35);
            if (paged) body["Limit"] = v.Next(1, 4);
            // A start key outside the sort key condition: dynalite words it as DynamoDB did in 2013 (see the report), so a
            // random start key goes with a partition key condition alone.
            if (range && sortCondition is null && v.Chance(0.1)) body["ExclusiveStartKey"] = StartKey(onIndex);
            // an index query is compared over all its pages (see RandomTableDifferentialTests)
            return Finish("Query", body, p, paged && (onIndex || v.Chance(0.8)));
        }

        private JsonObject StartKey(bool onIndex)
        {
            var key = new JsonObject { ["pk"] = S(v.Pick(RangeHashKeys)), ["sk"] = N(v.Pick(SortKeys)) };
            if (onIndex) key["ls"] = S(v.Pick(IndexKeys));
            return key;
        }

        private string SortCondition(ExpressionPlaceholders p, string name, bool onIndex)
        {
            var path = v.Chance(0.3) ? p.Name(name) : name;
            // a set or document here is refused in words dynalite keeps from 2013 ("ComparisonOperator LE is not valid for SS
            // AttributeValue type"), so the odd operand is a scalar of another type
            JsonObject Operand() => v.Chance(0.95) ? (onIndex ? S(v.Pick(IndexKeys)) : N(v.Pick(SortKeys))) : v.Scalar();
            return v.Next(0, 8) switch
            {
                < 5 => path + " " + v.Pick(new[] { "=", "<", "<=", ">", ">=" }) + " " + p.Value(Operand()),
                < 7 => path + " BETWEEN " + p.Value(Operand()) + " AND " + p.Value(Operand()),
                _ => "begins_with(" + path + ", " + p.Value(onIndex || v.Chance(0.3) ? S(v.Pick(IndexKeys)) : Operand()) + ")",
            };
        }

        private RandomRequest Scan()
        {
            var range = OnRange();
            var p = new ExpressionPlaceholders();
            var body = new JsonObject { ["TableName"] = range ? tables.Range : tables.Hash };
            if (range && v.Chance(0.2)) body["IndexName"] = RandomTables.LocalIndex;
            if (v.Chance(0.5)) body["FilterExpression"] = _expressions.Condition(p);
            if (v.Chance(0.2)) body["ProjectionExpression"] = _expressions.Projection(p, KeyNames(range));
            else if (v.Chance(0.12)) body["Select"] = "COUNT";
            var paged = v.Chance(0.3);
            if (paged) body["Limit"] = v.Next(1, 4);
            return Finish("Scan", body, p, paged);
        }

        private RandomRequest BatchGet()
        {
            var items = new JsonObject();
            foreach (var range in new[] { false, true })
            {
                if (v.Chance(0.3)) continue;
                var keys = new JsonArray();
                var projected = v.Chance(0.3);
                for (var i = v.Next(1, 4); i > 0; i--)
                {
                    var key = Key(range, valid: true);
                    // a key twice is refused by DynamoDB; let that happen now and then only, and not with a projection,
                    // which dynalite checks before the keys
                    if (keys.Any(k => SameKey(k!, key)) && (projected || v.Chance(0.9))) continue;
                    keys.Add(key);
                }
                var request = new JsonObject { ["Keys"] = keys };
                if (projected)
                {
                    var p = new ExpressionPlaceholders();
                    request["ProjectionExpression"] = _expressions.Projection(p, KeyNames(range));
                    p.AddTo(request);
                }
                items[range ? tables.Range : tables.Hash] = request;
            }
            if (items.Count == 0) items[tables.Hash] = new JsonObject { ["Keys"] = new JsonArray(Key(false)) };
            return new RandomRequest("BatchGetItem", new JsonObject { ["RequestItems"] = items });
        }

        private RandomRequest BatchWrite()
        {
            var items = new JsonObject();
            foreach (var range in new[] { false, true })
            {
                if (v.Chance(0.3)) continue;
                var writes = new JsonArray();
                var keys = new List<JsonObject>();
                for (var i = v.Next(1, 4); i > 0; i--)
                {
                    var put = v.Chance(0.7);
                    var item = put ? Item(range) : Key(range);
                    var key = range ? Key(item, ["pk", "sk"]) : Key(item, ["pk"]);
                    if (keys.Any(k => JsonNode.DeepEquals(k, key)) && v.Chance(0.9)) continue;
                    keys.Add(key);
                    writes.Add(put
                        ? new JsonObject { ["PutRequest"] = new JsonObject { ["Item"] = item } }
                        : new JsonObject { ["DeleteRequest"] = new JsonObject { ["Key"] = item } });
                }
                items[range ? tables.Range : tables.Hash] = writes;
            }
            if (items.Count == 0) items[tables.Hash] = new JsonArray(new JsonObject { ["DeleteRequest"] = new JsonObject { ["Key"] = Key(false) } });
            return new RandomRequest("BatchWriteItem", new JsonObject { ["RequestItems"] = items });
        }

        private static JsonObject Key(JsonObject item, string[] names)
        {
            var key = new JsonObject();
            foreach (var n in names)
                if (item[n] is { } value) key[n] = value.DeepClone();
            return key;
        }

        /// <summary>Adds the placeholders, and rarely one the expressions do not use (which DynamoDB refuses).</summary>
        private RandomRequest Finish(string operation, JsonObject body, ExpressionPlaceholders p, bool followPages = false)
        {
            if (v.Chance(0.02)) p.Value(v.Number());
            if (v.Chance(0.02)) p.Name("unused");
            p.AddTo(body);
            return new RandomRequest(operation, body, followPages);
        }

        /// <summary>Equal keys, numbers compared by value (10 and 1e1 are one key).</summary>
        private static bool SameKey(JsonNode a, JsonObject b) =>
            JsonNode.DeepEquals(a["pk"], b["pk"]) && (a["sk"]?["N"], b["sk"]?["N"]) switch
            {
                (null, null) => true,
                ({ } x, { } y) => decimal.Parse(x.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    == decimal.Parse(y.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => false,
            };

        private static JsonObject S(string s) => new() { ["S"] = s };

        private static JsonObject N(string n) => new() { ["N"] = n };
    }
}
