using DataTier.Client.Requests;
using DataTier.Keys;
using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// Chooses how a SELECT reads, as DynamoDB does: a WHERE with an equality (or IN, or an OR of equalities) on the
/// partition key is a Query per value, any other WHERE a full Scan with the WHERE as its filter.
/// </summary>
public static class SelectPlanner
{
    /// <summary>DynamoDB's limit on partition key values one SELECT may name.</summary>
    private const int MaxPartitionValues = 50;

    private sealed record Branch(AttrValue PartitionValue, IReadOnlyList<PartiQLExpression> Conditions);

    public static SelectPlan Plan(SelectStatement select, TableDescription table, PartiQLValues values, bool consistentRead)
    {
        var schema = ReadSchema(select, table, consistentRead);
        var branches = Branches(select.Where, schema, values);
        var forward = Order(select, schema, ref branches);
        if (branches is null)
        {
            var writer = new PartiQLExpressionWriter(values);
            var filter = select.Where is null ? null : writer.Condition(select.Where);
            var scan = new ScanRequest
            {
                TableName = select.Table,
                IndexName = select.Index,
                FilterExpression = filter,
                ProjectionExpression = PartiQLProjection.Expression(select.Projection, writer),
                ExpressionAttributeNames = writer.Names,
                ExpressionAttributeValues = writer.ValueMap,
                ConsistentRead = consistentRead,
            };
            return new SelectPlan(select.Table, [new SelectRead(null, scan)], select.Projection);
        }
        var reads = branches.Select(b => new SelectRead(Query(select, schema, b, values, forward, consistentRead), null)).ToList();
        return new SelectPlan(select.Table, reads, select.Projection);
    }

    /// <summary>The partition key values a SELECT reads (its index's, for an index); null when it scans.</summary>
    public static IReadOnlyList<AttrValue>? PartitionValues(SelectStatement select, TableDescription table, PartiQLValues values) =>
        Branches(select.Where, ReadSchema(select, table, consistentRead: false), values)?.Select(b => b.PartitionValue).ToList();

    /// <summary>The key schema the SELECT reads by: the table's or its index's.</summary>
    private static TableKeySchema ReadSchema(SelectStatement select, TableDescription table, bool consistentRead)
    {
        if (select.Index is null) return table.KeySchema;
        if (table.LocalIndexes.FirstOrDefault(i => i.Name == select.Index) is { } local) return local.KeySchema;
        var global = table.GlobalIndexes.FirstOrDefault(i => i.Name == select.Index)
            ?? throw PartiQLErrors.Validation("The table does not have the specified index");
        if (consistentRead) throw PartiQLErrors.Validation("Strongly consistent read is not supported on Global Secondary Indexes");
        return global.KeySchema;
    }

    private static QueryRequest Query(SelectStatement select, TableKeySchema schema, Branch branch, PartiQLValues values, bool forward, bool consistentRead)
    {
        var writer = new PartiQLExpressionWriter(values);
        var keyCondition = $"{writer.Name(schema.PartitionKey.Name)} = {writer.Value(branch.PartitionValue)}";
        var filters = branch.Conditions.ToList();
        if (schema.SortKey is { } sortKey)
        {
            var sortPart = filters.FirstOrDefault(c => SortKeyCondition(c, sortKey, values) is not null);
            if (sortPart is not null)
            {
                keyCondition += " AND " + writer.Condition(SortKeyCondition(sortPart, sortKey, values)!);
                filters.Remove(sortPart);
            }
        }
        return new QueryRequest
        {
            TableName = select.Table,
            IndexName = select.Index,
            KeyConditionExpression = keyCondition,
            FilterExpression = filters.Count == 0 ? null : writer.Conditions(filters),
            ProjectionExpression = PartiQLProjection.Expression(select.Projection, writer),
            ExpressionAttributeNames = writer.Names,
            ExpressionAttributeValues = writer.ValueMap,
            ScanIndexForward = forward,
            ConsistentRead = consistentRead,
            FilterMayNameKeys = true,
        };
    }

    /// <summary>A part of the WHERE a Query can take as its sort-key condition (with the path first), or null.</summary>
    private static PartiQLExpression? SortKeyCondition(PartiQLExpression part, KeyAttribute sortKey, PartiQLValues values)
    {
        bool IsSortKey(PartiQLExpression e) => e is PathExpression { IsTopLevel: true } p && p.TopLevelName == sortKey.Name;
        bool Fits(PartiQLExpression e) => PartiQLValues.IsValue(e) && values.Evaluate(e).Type == sortKey.Type;
        switch (part)
        {
            case BinaryExpression { IsComparison: true, Operator: not "<>" } c when IsSortKey(c.Left) && Fits(c.Right):
                return c;
            case BinaryExpression { IsComparison: true, Operator: not "<>" } c when IsSortKey(c.Right) && Fits(c.Left):
                return new BinaryExpression(Flip(c.Operator), c.Right, c.Left);
            case BetweenExpression b when IsSortKey(b.Operand) && Fits(b.Low) && Fits(b.High)
                && KeyBytes.Compare(values.Evaluate(b.Low), values.Evaluate(b.High)) <= 0:
                return b;
            case CallExpression { Arguments: [var path, var prefix] } call when call.Is("begins_with") && IsSortKey(path) && Fits(prefix) && sortKey.Type != AttrType.N:
                return call;
            default:
                return null;
        }
    }

    private static string Flip(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };

    /// <summary>The Queries a WHERE names, one per partition key value with the conditions that go with it; null for a Scan.</summary>
    private static List<Branch>? Branches(PartiQLExpression? where, TableKeySchema schema, PartiQLValues values)
    {
        if (where is null) return null;
        var partitionKey = schema.PartitionKey;
        var disjuncts = PartiQLConjuncts.Disjuncts(where);
        List<Branch>? branches;
        if (disjuncts.Count > 1)
        {
            branches = [];
            foreach (var disjunct in disjuncts)
            {
                var parts = PartiQLConjuncts.Of(disjunct);
                var keyPart = parts.FirstOrDefault(p => PartiQLConjuncts.Equality(p) is { } e && e.Name == partitionKey.Name);
                if (keyPart is null) return null;
                branches.Add(new Branch(PartiQLConjuncts.KeyValue(partitionKey, PartiQLConjuncts.Equality(keyPart)!.Value.Value, values),
                    parts.Where(p => !ReferenceEquals(p, keyPart)).ToList()));
            }
            branches = Merge(branches, schema);
        }
        else
        {
            branches = null;
            var parts = PartiQLConjuncts.Of(where);
            foreach (var part in parts)
            {
                if (PartitionValues(part, partitionKey, values) is not { } partitionValues) continue;
                var others = parts.Where(p => !ReferenceEquals(p, part)).ToList();
                branches = Distinct(partitionValues).Select(v => new Branch(v, others)).ToList();
                break;
            }
        }
        if (branches?.Count > MaxPartitionValues) throw PartiQLErrors.Validation("Too many decomposed read operations for a given query.");
        return branches;
    }

    /// <summary>The partition key values a part names: <c>pk = v</c>, <c>pk IN [...]</c> or an OR of equalities; null for any other part.</summary>
    private static List<AttrValue>? PartitionValues(PartiQLExpression part, KeyAttribute partitionKey, PartiQLValues values)
    {
        if (PartiQLConjuncts.Equality(part) is { } equality)
            return equality.Name == partitionKey.Name ? [PartiQLConjuncts.KeyValue(partitionKey, equality.Value, values)] : null;
        if (part is InExpression { Operand: PathExpression { IsTopLevel: true } path } @in && path.TopLevelName == partitionKey.Name)
        {
            var candidates = new PartiQLExpressionWriter(values).InCandidates(@in);
            if (candidates.Any(c => c.Type != partitionKey.Type))
                throw PartiQLErrors.Validation($"Key attribute's data type should match its data type in table's schema: Key {partitionKey.Name}");
            return [.. candidates];
        }
        if (part is BinaryExpression { Operator: "OR" })
        {
            var disjuncts = PartiQLConjuncts.Disjuncts(part);
            var equalities = disjuncts.Select(PartiQLConjuncts.Equality).ToList();
            if (equalities.All(e => e is { } eq && eq.Name == partitionKey.Name))
                return equalities.Select(e => PartiQLConjuncts.KeyValue(partitionKey, e!.Value.Value, values)).ToList();
        }
        return null;
    }

    private static List<AttrValue> Distinct(List<AttrValue> values)
    {
        var distinct = new List<AttrValue>();
        foreach (var value in values)
            if (!distinct.Contains(value)) distinct.Add(value);
        return distinct;
    }

    /// <summary>
    /// OR branches on the same partition key value read it once: their conditions ORed. With a sort key, DynamoDB
    /// refuses them rather than work out which sort-key ranges overlap.
    /// </summary>
    private static List<Branch> Merge(List<Branch> branches, TableKeySchema schema)
    {
        var merged = new List<Branch>();
        foreach (var group in branches.GroupBy(b => b.PartitionValue))
        {
            var members = group.ToList();
            if (members.Count == 1)
            {
                merged.Add(members[0]);
                continue;
            }
            if (members.Any(m => m.Conditions.Count == 0))
            {
                if (schema.SortKey is not null && members.Any(m => m.Conditions.Count > 0)) throw Overlap();
                merged.Add(new Branch(group.Key, []));
                continue;
            }
            if (schema.SortKey is not null) throw Overlap();
            var either = members.Select(m => m.Conditions.Aggregate((a, b) => new BinaryExpression("AND", a, b))).Aggregate((a, b) => new BinaryExpression("OR", a, b));
            merged.Add(new Branch(group.Key, [either]));
        }
        return merged;
    }

    private static Errors.DynamoException Overlap() => PartiQLErrors.Validation("Overlapping conditions with range keys are not supported in where clause");

    /// <summary>Checks ORDER BY as DynamoDB does, orders the Queries by partition key, and returns whether the sort key ascends.</summary>
    private static bool Order(SelectStatement select, TableKeySchema schema, ref List<Branch>? branches)
    {
        if (select.OrderBy.Count == 0) return true;
        if (select.Where is null) throw PartiQLErrors.Validation("Must have WHERE clause in the statement when using ORDER BY clause.");
        if (branches is null) throw PartiQLErrors.Validation("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
        OrderKey? partitionOrder = null, sortOrder = null;
        foreach (var key in select.OrderBy)
        {
            var name = key.Path.ToString();
            if (name == schema.PartitionKey.Name) partitionOrder = key;
            else if (name == schema.SortKey?.Name) sortOrder = key;
            else throw PartiQLErrors.Validation($"Variable reference {name} in ORDER BY clause must be part of the primary key");
        }
        if (branches.Count > 1 && partitionOrder is null)
            throw PartiQLErrors.Validation("Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.");
        if (partitionOrder is not null)
        {
            var descending = partitionOrder.Descending;
            branches = [.. branches.Order(Comparer<Branch>.Create((a, b) => (descending ? -1 : 1) * KeyBytes.Compare(a.PartitionValue, b.PartitionValue)))];
        }
        return sortOrder is not { Descending: true };
    }
}
