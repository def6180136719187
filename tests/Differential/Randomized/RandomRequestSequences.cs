using System.Globalization;
using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// Random but reproducible request sequences over the three <see cref="RandomTables"/>: writes with conditions,
/// update expressions and ReturnValues, reads with projections, queries and scans of tables and their local and global
/// indexes with filters, Select, paging and segments, batches; each now and then with the legacy parameters instead
/// (or, refused, beside them) and ReturnConsumedCapacity. Keys and attribute names come from small pools so requests
/// meet each other's items.
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
        private readonly RandomLegacy _legacy = new(v);

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

        /// <summary>One of the three tables, and whether it has a sort key (the local and global tables do).</summary>
        private (string Name, bool Range) PickTable() => v.Next(0, 10) switch
        {
            < 4 => (tables.Hash, false),
            < 7 => (tables.Range, true),
            _ => (tables.Global, true),
        };

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

        /// <summary>An item; an attribute that keys one of the table's indexes mostly has the type the index declares.</summary>
        private JsonObject Item(string table, bool range)
        {
            var item = Key(range);
            foreach (var name in RandomExpressions.Attributes)
            {
                if (!v.Chance(0.35)) continue;
                item[name] = IndexKeyType(table, name) is { } type && v.Chance(0.9) ? IndexKeyValue(type) : v.Any();
            }
            return item;
        }

        private string? IndexKeyType(string table, string name) =>
            table == tables.Range ? (name == "ls" ? "S" : null) : table == tables.Global ? RandomTables.GlobalKeyTypes.GetValueOrDefault(name) : null;

        private JsonObject IndexKeyValue(string type) => type == "S" ? S(v.Pick(IndexKeys)) : N(v.Pick(SortKeys));

        /// <summary>
        /// ReturnConsumedCapacity on a write only to the table without indexes: DynamoDB charges index writes as well,
        /// dynalite charges the table's write alone.
        /// </summary>
        private void Capacity(JsonObject body, bool write = false)
        {
            if ((!write || body["TableName"]!.GetValue<string>() == tables.Hash) && v.Chance(0.2)) body["ReturnConsumedCapacity"] = v.Pick(new[] { "TOTAL", "INDEXES", "NONE" });
        }

        private JsonObject Write(string operation, string table, bool range, out ExpressionPlaceholders p)
        {
            p = new ExpressionPlaceholders();
            var body = new JsonObject { ["TableName"] = table };
            if (v.Chance(0.1))
            {
                body["Expected"] = _legacy.Expected(RandomExpressions.Attributes);
                // dynalite does not know ConditionalOperator on PutItem (the conditional-operator-on-put deliberate difference)
                if (operation != "PutItem" && _legacy.ConditionalOperator(body["Expected"]!.AsObject()) is { } op) body["ConditionalOperator"] = op;
                if (v.Chance(0.05)) body["ConditionExpression"] = _expressions.Condition(p);
            }
            else if (v.Chance(0.4)) body["ConditionExpression"] = _expressions.Condition(p);
            var returns = operation == "UpdateItem" ? new[] { "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW" } : ["NONE", "ALL_OLD"];
            if (v.Chance(0.6)) body["ReturnValues"] = v.Pick(returns);
            Capacity(body, write: true);
            return body;
        }

        private RandomRequest Put()
        {
            var (table, range) = PickTable();
            var body = Write("PutItem", table, range, out var p);
            body["Item"] = Item(table, range);
            return Finish("PutItem", body, p);
        }

        private RandomRequest Update()
        {
            var (table, range) = PickTable();
            var body = Write("UpdateItem", table, range, out var p);
            body["Key"] = Key(range);
            var legacy = body["Expected"] is not null && body["ConditionExpression"] is null;
            if (v.Chance(legacy ? 0.6 : 0.1))
            {
                body["AttributeUpdates"] = _legacy.AttributeUpdates(KeyNames(range));
                if (v.Chance(0.05)) body["UpdateExpression"] = _expressions.Update(p, KeyNames(range));
            }
            else if (v.Chance(0.97)) body["UpdateExpression"] = _expressions.Update(p, KeyNames(range));
            return Finish("UpdateItem", body, p);
        }

        private RandomRequest Delete()
        {
            var (table, range) = PickTable();
            var body = Write("DeleteItem", table, range, out var p);
            body["Key"] = Key(range);
            return Finish("DeleteItem", body, p);
        }

        private RandomRequest Get()
        {
            var (table, range) = PickTable();
            var p = new ExpressionPlaceholders();
            var body = new JsonObject { ["TableName"] = table, ["Key"] = Key(range) };
            if (v.Chance(0.4)) body["ProjectionExpression"] = _expressions.Projection(p, KeyNames(range));
            else if (v.Chance(0.1)) body["AttributesToGet"] = _legacy.AttributesToGet(KeyNames(range));
            if (v.Chance(0.3)) body["ConsistentRead"] = v.Chance(0.5);
            Capacity(body);
            return Finish("GetItem", body, p);
        }

        /// <summary>The index a read goes to, if any: the local one of the range table, one of the global table's.</summary>
        private RandomIndex? PickIndex(string table, double chance)
        {
            if (!v.Chance(chance)) return null;
            return table == tables.Range ? RandomTables.Local : table == tables.Global ? v.Pick(RandomTables.GlobalIndexes) : null;
        }

        private RandomRequest Query()
        {
            var (table, range) = v.Next(0, 10) switch
            {
                < 2 => (tables.Hash, false),
                < 6 => (tables.Range, true),
                _ => (tables.Global, true),
            };
            var index = PickIndex(table, table == tables.Global ? 0.7 : 0.3);
            var p = new ExpressionPlaceholders();
            var body = new JsonObject { ["TableName"] = table };
            if (index is not null) body["IndexName"] = index.Name;
            var (sortName, sortType) = index is null ? (range ? "sk" : null, "N") : (index.Range, index.RangeType ?? "N");
            var hashValue = index is { Global: true } ? IndexKeyValue(index.HashType) : S(v.Pick(range ? RangeHashKeys : HashKeys));
            (string Op, JsonObject[] Operands)? sort = sortName is not null && v.Chance(0.7) ? SortTest(sortType) : null;
            var key = new RandomKeyCondition(index?.Hash ?? "pk", hashValue, sort is null ? null : sortName, sort?.Op, sort?.Operands ?? []);
            var legacy = v.Chance(0.15);
            var mixed = v.Chance(0.04);
            if (legacy) body["KeyConditions"] = key.Legacy();
            if (!legacy || mixed && v.Chance(0.3))
                body["KeyConditionExpression"] = key.Expression(p, v.Chance(0.3), v.Chance(0.3), v.Chance(0.2));
            var keyNames = KeyNames(range);
            Filter(body, p, "QueryFilter", legacy, mixed);
            Projection(body, p, index, keyNames, legacy, mixed);
            // Items with equal local index sort keys: AWS leaves their order open, and dynalite keeps them ascending by table
            // key even when reading backwards, so the local index is not read backwards.
            if (index != RandomTables.Local && v.Chance(0.3)) body["ScanIndexForward"] = false;
            var paged = v.Chance(0.35);
            if (paged) body["Limit"] = v.Next(1, 4);
            // A start key outside the sort key condition: dynalite words it as DynamoDB did in 2013 (see the report), so a
            // random start key goes with a partition key condition alone, and not on a global index (pages give valid ones).
            if (range && sort is null && index is not { Global: true } && v.Chance(0.1)) body["ExclusiveStartKey"] = StartKey(index is not null);
            Reads(body, "Query");
            // an index query is compared over all its pages (see RandomTableDifferentialTests)
            return Finish("Query", body, p, paged && (index is not null || v.Chance(0.8)));
        }

        /// <summary>A filter as an expression or (with legacy key conditions, or mixed in) as QueryFilter or ScanFilter.</summary>
        private void Filter(JsonObject body, ExpressionPlaceholders p, string legacyName, bool legacy, bool mixed)
        {
            var asLegacy = legacy ? !mixed || v.Chance(0.5) : mixed && v.Chance(0.5);
            if (!v.Chance(asLegacy ? 0.5 : 0.35)) return;
            if (!asLegacy)
            {
                body["FilterExpression"] = _expressions.Condition(p);
                return;
            }
            var names = v.Chance(0.05) ? RandomExpressions.Attributes.Concat(["pk", "sk"]).ToArray() : RandomExpressions.Attributes;
            var conditions = _legacy.Conditions(names);
            body[legacyName] = conditions;
            if (_legacy.ConditionalOperator(conditions) is { } op) body["ConditionalOperator"] = op;
        }

        /// <summary>
        /// What a Query or Scan returns: a projection (an expression, or AttributesToGet), with or without
        /// Select SPECIFIC_ATTRIBUTES; or Select COUNT, ALL_ATTRIBUTES, or on an index ALL_PROJECTED_ATTRIBUTES. Not
        /// generated: Select COUNT or ALL_ATTRIBUTES with a projection and SPECIFIC_ATTRIBUTES without one, which
        /// dynalite does not check (the select-and-projection deliberate difference), and ALL_PROJECTED_ATTRIBUTES on a
        /// table, which AWS documents as allowed only on an index and dynalite takes.
        /// </summary>
        private void Projection(JsonObject body, ExpressionPlaceholders p, RandomIndex? index, string[] keyNames, bool legacy, bool mixed)
        {
            var roll = v.Next(0, 100);
            if (roll < 22)
            {
                if (legacy ? !mixed || v.Chance(0.5) : mixed && v.Chance(0.5)) body["AttributesToGet"] = _legacy.AttributesToGet(keyNames);
                else body["ProjectionExpression"] = _expressions.Projection(p, keyNames);
                if (v.Chance(0.4)) body["Select"] = "SPECIFIC_ATTRIBUTES";
            }
            else if (roll < 32) body["Select"] = "COUNT";
            else if (roll < 38) body["Select"] = "ALL_ATTRIBUTES";
            else if (roll < 46 && index is not null) body["Select"] = "ALL_PROJECTED_ATTRIBUTES";
        }

        /// <summary>
        /// ConsistentRead (refused on a global index) and ReturnConsumedCapacity. A Scan's ConsistentRead only on a table
        /// or local index and without capacity: dynalite's Scan drops the parameter, so it neither refuses it on a global
        /// index nor charges a consistent scan in full.
        /// </summary>
        private void Reads(JsonObject body, string operation)
        {
            Capacity(body);
            var scanned = operation == "Scan";
            if (scanned && (body["ReturnConsumedCapacity"] is not null || body["IndexName"]?.GetValue<string>() is { } index && index != RandomTables.LocalIndex)) return;
            if (v.Chance(0.15)) body["ConsistentRead"] = v.Chance(0.6);
        }

        private JsonObject StartKey(bool onIndex)
        {
            var key = new JsonObject { ["pk"] = S(v.Pick(RangeHashKeys)), ["sk"] = N(v.Pick(SortKeys)) };
            if (onIndex) key["ls"] = S(v.Pick(IndexKeys));
            return key;
        }

        /// <summary>A sort key test on a key of <paramref name="type"/> (S or N).</summary>
        private (string Op, JsonObject[] Operands) SortTest(string type)
        {
            // a set or document here is refused in words dynalite keeps from 2013 ("ComparisonOperator LE is not valid for SS
            // AttributeValue type"), so the odd operand is a scalar of another type
            JsonObject Operand() => v.Chance(0.95) ? IndexKeyValue(type) : v.Scalar();
            return v.Next(0, 8) switch
            {
                < 5 => (v.Pick(new[] { "=", "<", "<=", ">", ">=" }), [Operand()]),
                < 7 => ("BETWEEN", [Operand(), Operand()]),
                _ => ("begins_with", [type == "S" || v.Chance(0.3) ? S(v.Pick(IndexKeys)) : Operand()]),
            };
        }

        /// <summary>
        /// A Scan, now and then in segments (the test then reads every segment and compares their union, since which
        /// segment holds an item is each implementation's own); rarely with a Segment not below TotalSegments, or
        /// TotalSegments alone. Not generated: Segment without TotalSegments (the scan-segments deliberate difference).
        /// </summary>
        private RandomRequest Scan()
        {
            var (table, range) = PickTable();
            var index = PickIndex(table, table == tables.Global ? 0.5 : 0.2);
            var p = new ExpressionPlaceholders();
            var body = new JsonObject { ["TableName"] = table };
            if (index is not null) body["IndexName"] = index.Name;
            var legacy = v.Chance(0.15);
            var mixed = v.Chance(0.04);
            Filter(body, p, "ScanFilter", legacy, mixed);
            Projection(body, p, index, KeyNames(range), legacy, mixed);
            var paged = v.Chance(0.3);
            if (paged) body["Limit"] = v.Next(1, 4);
            var segmented = v.Chance(0.2);
            if (segmented)
            {
                var total = v.Next(1, 5);
                body["TotalSegments"] = total;
                var odd = v.Next(0, 30);
                if (odd > 0) body["Segment"] = odd == 1 ? total : 0;
            }
            Reads(body, "Scan");
            return Finish("Scan", body, p, paged || segmented);
        }

        private RandomRequest BatchGet()
        {
            var items = new JsonObject();
            foreach (var (table, range) in new[] { (tables.Hash, false), (tables.Range, true), (tables.Global, true) })
            {
                if (v.Chance(0.4)) continue;
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
                if (projected && v.Chance(0.2)) request["AttributesToGet"] = _legacy.AttributesToGet(KeyNames(range));
                else if (projected)
                {
                    var p = new ExpressionPlaceholders();
                    request["ProjectionExpression"] = _expressions.Projection(p, KeyNames(range));
                    p.AddTo(request);
                }
                if (v.Chance(0.2)) request["ConsistentRead"] = v.Chance(0.5);
                items[table] = request;
            }
            if (items.Count == 0) items[tables.Hash] = new JsonObject { ["Keys"] = new JsonArray(Key(false)) };
            var body = new JsonObject { ["RequestItems"] = items };
            Capacity(body);
            return new RandomRequest("BatchGetItem", body);
        }

        private RandomRequest BatchWrite()
        {
            var items = new JsonObject();
            foreach (var (table, range) in new[] { (tables.Hash, false), (tables.Range, true), (tables.Global, true) })
            {
                if (v.Chance(0.4)) continue;
                var writes = new JsonArray();
                var keys = new List<JsonObject>();
                for (var i = v.Next(1, 4); i > 0; i--)
                {
                    var put = v.Chance(0.7);
                    var item = put ? Item(table, range) : Key(range);
                    var key = range ? Key(item, ["pk", "sk"]) : Key(item, ["pk"]);
                    if (keys.Any(k => JsonNode.DeepEquals(k, key)) && v.Chance(0.9)) continue;
                    keys.Add(key);
                    writes.Add(put
                        ? new JsonObject { ["PutRequest"] = new JsonObject { ["Item"] = item } }
                        : new JsonObject { ["DeleteRequest"] = new JsonObject { ["Key"] = item } });
                }
                items[table] = writes;
            }
            if (items.Count == 0) items[tables.Hash] = new JsonArray(new JsonObject { ["DeleteRequest"] = new JsonObject { ["Key"] = Key(false) } });
            var body = new JsonObject { ["RequestItems"] = items };
            // see Capacity: only a batch that writes to the table without indexes
            if (items.Count == 1 && items.ContainsKey(tables.Hash) && v.Chance(0.2)) body["ReturnConsumedCapacity"] = v.Pick(new[] { "TOTAL", "INDEXES" });
            return new RandomRequest("BatchWriteItem", body);
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
            // A write mixing legacy parameters with expressions is refused with a list of each; dynalite leaves
            // ConditionalOperator out of the legacy list of PutItem, UpdateItem and DeleteItem, where AWS names it.
            if (operation is "PutItem" or "UpdateItem" or "DeleteItem" && body["ConditionExpression"] is not null | body["UpdateExpression"] is not null)
                body.Remove("ConditionalOperator");
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
