using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>Applies update actions to an item, as UpdateItem does, producing a new item (the input is never changed).</summary>
public static class UpdateApplier
{
    /// <summary>The refusal of an operand of the wrong type, which the legacy AttributeUpdates word apart.</summary>
    public const string BadOperand = "An operand in the update expression has an incorrect data type";
    private const string BadPath = "The document path provided in the update expression is invalid for update";

    /// <summary>
    /// <paramref name="itemExists"/> is false when <paramref name="item"/> holds only the key of an item the table lacks:
    /// DynamoDB then skips a REMOVE or DELETE of a nested path whose parent is missing, which it refuses on an existing item.
    /// </summary>
    /// <paramref name="indexKeyTypes"/>: the types of the table's index key attributes, when a SET of one should be refused
    /// in its turn among the actions (dynalite's order; AWS's is not recorded) rather than after all of them.
    public static Dictionary<string, AttrValue> Apply(IReadOnlyDictionary<string, AttrValue> item, IReadOnlyList<UpdateAction> actions, bool itemExists = true,
        IReadOnlyDictionary<string, AttrType>? indexKeyTypes = null)
    {
        var result = new Dictionary<string, AttrValue>(item);
        // DynamoDB evaluates every SET's value before it looks at any action's path, so an operand that names a
        // missing attribute is the error reported even when another action's path is invalid too.
        var values = new Dictionary<SetAction, AttrValue>(ReferenceEqualityComparer.Instance);
        foreach (var set in actions.OfType<SetAction>()) values[set] = Evaluate(set.Value, item);
        CheckPathsAndOperands(item, actions, itemExists, values, indexKeyTypes);
        // Every value and every list index refers to the item as it was before the update, as DynamoDB does:
        // writes go first in index order (SETs past a list's end append sorted by index), then removals of
        // what the item had, highest index first, so no removal shifts an index another action names.
        var ordered = actions.Count < 2 ? actions : actions.Where(a => a is not RemoveAction).OrderBy(a => a.Path.Path, PathOrder.Instance)
            .Concat(actions.OfType<RemoveAction>().OrderByDescending(a => a.Path.Path, PathOrder.Instance));
        foreach (var action in ordered)
        {
            switch (action)
            {
                case SetAction set:
                    result = Put(result, set.Path.Path, values[set]);
                    break;
                case RemoveAction remove:
                    if (DocumentPath.Resolve(item, remove.Path.Path) is not null) result = Remove(result, remove.Path.Path);
                    break;
                case AddAction add:
                {
                    var current = DocumentPath.Resolve(result, add.Path.Path);
                    AttrValue updated;
                    if (current is null) updated = add.Value;
                    else if (current.Type == AttrType.N && add.Value.Type == AttrType.N) updated = Arithmetic(current, add.Value, subtract: false);
                    else if (current.Type == add.Value.Type && current.Type is AttrType.SS or AttrType.NS or AttrType.BS) updated = SetUnion(current, add.Value);
                    else throw DynamoException.Validation(BadOperand);
                    result = Put(result, add.Path.Path, updated);
                    break;
                }
                case DeleteAction delete:
                {
                    var current = DocumentPath.Resolve(result, delete.Path.Path);
                    if (current is null) break;
                    if (current.Type != delete.Value.Type) throw DynamoException.Validation(BadOperand);
                    var remaining = SetDifference(current, delete.Value);
                    result = remaining is null ? Remove(result, delete.Path.Path) : Put(result, delete.Path.Path, remaining);
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Then each action in the expression's order: its path, then an ADD's or DELETE's operand against the value there
    /// (paths never overlap, so no action changes what another finds).
    /// </summary>
    private static void CheckPathsAndOperands(IReadOnlyDictionary<string, AttrValue> item, IReadOnlyList<UpdateAction> actions, bool itemExists,
        Dictionary<SetAction, AttrValue> values, IReadOnlyDictionary<string, AttrType>? indexKeyTypes)
    {
        foreach (var action in actions)
        {
            if (itemExists || action is SetAction or AddAction) RequireParent(item, action.Path.Path);
            if (action is SetAction { Path.Path.Count: 1 } set && indexKeyTypes is { Count: > 0 }
                && indexKeyTypes.TryGetValue(set.Path.TopLevelName, out var keyType) && values[set].Type != keyType)
                throw DynamoException.Validation(Indexes.IndexKeyValidator.UnsupportedUpdateType);
            var (operand, isAdd) = action switch { AddAction a => (a.Value, true), DeleteAction d => (d.Value, false), _ => (null, false) };
            if (operand is null || DocumentPath.Resolve(item, action.Path.Path) is not { } current) continue;
            if (current.Type != operand.Type || current.Type is not (AttrType.SS or AttrType.NS or AttrType.BS) && !(isAdd && current.Type == AttrType.N))
                throw DynamoException.Validation(BadOperand);
        }
    }

    /// <summary>A nested path's parent must be a map (for a name) or a list (for an index), though its last element may be missing.</summary>
    private static void RequireParent(IReadOnlyDictionary<string, AttrValue> item, IReadOnlyList<PathElement> path)
    {
        if (path.Count == 1) return;
        var parent = DocumentPath.Resolve(item, path.Take(path.Count - 1).ToList());
        if (parent?.Type != (path[^1].Name is null ? AttrType.L : AttrType.M)) throw DynamoException.Validation(BadPath);
    }

    private static AttrValue Evaluate(UpdateValue value, IReadOnlyDictionary<string, AttrValue> item)
    {
        switch (value)
        {
            case OperandValue { Operand: ValueOperand v }:
                return v.Value;
            case OperandValue { Operand: PathOperand p }:
                return DocumentPath.Resolve(item, p.Path)
                    ?? throw DynamoException.Validation($"The provided expression refers to an attribute that does not exist in the item");
            case IfNotExistsValue ifNotExists:
                return DocumentPath.Resolve(item, ifNotExists.Path.Path) ?? Evaluate(ifNotExists.Fallback, item);
            case ArithmeticValue arithmetic:
            {
                var left = Evaluate(arithmetic.Left, item);
                var right = Evaluate(arithmetic.Right, item);
                if (left.Type != AttrType.N || right.Type != AttrType.N) throw DynamoException.Validation(BadOperand);
                return Arithmetic(left, right, arithmetic.Subtract);
            }
            case ListAppendValue append:
            {
                var first = Evaluate(append.First, item);
                var second = Evaluate(append.Second, item);
                if (first.Type != AttrType.L || second.Type != AttrType.L) throw DynamoException.Validation(BadOperand);
                return AttrValue.FromL([.. first.List!, .. second.List!]);
            }
            default:
                throw new NotSupportedException(value.GetType().Name);
        }
    }

    private static AttrValue Arithmetic(AttrValue left, AttrValue right, bool subtract)
    {
        var r = right.Number;
        if (!DynamoNumber.TryAdd(left.Number, subtract ? r.Negate() : r, out var sum, out var error))
            throw DynamoException.Validation(error!);
        return AttrValue.FromN(sum);
    }

    private static AttrValue SetUnion(AttrValue a, AttrValue b)
    {
        if (a.Type == AttrType.BS)
        {
            var seen = new HashSet<string>(a.BytesSet!.Select(Convert.ToBase64String));
            return AttrValue.FromBS([.. a.BytesSet!, .. b.BytesSet!.Where(x => seen.Add(Convert.ToBase64String(x)))]);
        }
        if (a.Type == AttrType.NS)
        {
            var seen = new HashSet<DynamoNumber>(a.TextSet!.Select(DynamoNumber.Parse));
            return AttrValue.FromNS([.. a.TextSet!, .. b.TextSet!.Where(x => seen.Add(DynamoNumber.Parse(x)))]);
        }
        var strings = new HashSet<string>(a.TextSet!, StringComparer.Ordinal);
        return AttrValue.FromSS([.. a.TextSet!, .. b.TextSet!.Where(strings.Add)]);
    }

    private static AttrValue? SetDifference(AttrValue a, AttrValue b)
    {
        if (a.Type == AttrType.BS)
        {
            var drop = new HashSet<string>(b.BytesSet!.Select(Convert.ToBase64String));
            var kept = a.BytesSet!.Where(x => !drop.Contains(Convert.ToBase64String(x))).ToList();
            return kept.Count == 0 ? null : AttrValue.FromBS(kept);
        }
        if (a.Type == AttrType.NS)
        {
            var drop = new HashSet<DynamoNumber>(b.TextSet!.Select(DynamoNumber.Parse));
            var kept = a.TextSet!.Where(x => !drop.Contains(DynamoNumber.Parse(x))).ToList();
            return kept.Count == 0 ? null : AttrValue.FromNS(kept);
        }
        var dropped = new HashSet<string>(b.TextSet!, StringComparer.Ordinal);
        var left = a.TextSet!.Where(x => !dropped.Contains(x)).ToList();
        return left.Count == 0 ? null : AttrValue.FromSS(left);
    }

    private static Dictionary<string, AttrValue> Put(Dictionary<string, AttrValue> item, IReadOnlyList<PathElement> path, AttrValue value)
    {
        if (path.Count == 1)
        {
            item[path[0].Name!] = value;
            return item;
        }
        if (!item.TryGetValue(path[0].Name!, out var root)) throw DynamoException.Validation(BadPath);
        item[path[0].Name!] = PutNested(root, path, 1, value);
        return item;
    }

    private static AttrValue PutNested(AttrValue container, IReadOnlyList<PathElement> path, int depth, AttrValue value)
    {
        var step = path[depth];
        var last = depth == path.Count - 1;
        if (step.Name is not null)
        {
            if (container.Type != AttrType.M) throw DynamoException.Validation(BadPath);
            var map = new Dictionary<string, AttrValue>(container.Map!);
            if (last) map[step.Name] = value;
            else if (map.TryGetValue(step.Name, out var child)) map[step.Name] = PutNested(child, path, depth + 1, value);
            else throw DynamoException.Validation(BadPath);
            return AttrValue.FromM(map);
        }
        if (container.Type != AttrType.L) throw DynamoException.Validation(BadPath);
        var list = container.List!.ToList();
        if (last)
        {
            // An index past the end appends, as DynamoDB does.
            if (step.Index >= list.Count) list.Add(value);
            else list[step.Index] = value;
        }
        else
        {
            if (step.Index >= list.Count) throw DynamoException.Validation(BadPath);
            list[step.Index] = PutNested(list[step.Index], path, depth + 1, value);
        }
        return AttrValue.FromL(list);
    }

    private static Dictionary<string, AttrValue> Remove(Dictionary<string, AttrValue> item, IReadOnlyList<PathElement> path)
    {
        if (path.Count == 1)
        {
            item.Remove(path[0].Name!);
            return item;
        }
        if (item.TryGetValue(path[0].Name!, out var root)) item[path[0].Name!] = RemoveNested(root, path, 1);
        return item;
    }

    private static AttrValue RemoveNested(AttrValue container, IReadOnlyList<PathElement> path, int depth)
    {
        var step = path[depth];
        var last = depth == path.Count - 1;
        if (step.Name is not null)
        {
            if (container.Type != AttrType.M || !container.Map!.TryGetValue(step.Name, out var child)) return container;
            var map = new Dictionary<string, AttrValue>(container.Map!);
            if (last) map.Remove(step.Name);
            else map[step.Name] = RemoveNested(child, path, depth + 1);
            return AttrValue.FromM(map);
        }
        if (container.Type != AttrType.L || step.Index >= container.List!.Count) return container;
        var list = container.List!.ToList();
        if (last) list.RemoveAt(step.Index);
        else list[step.Index] = RemoveNested(list[step.Index], path, depth + 1);
        return AttrValue.FromL(list);
    }
}
