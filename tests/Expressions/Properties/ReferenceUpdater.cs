using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// Applies the reference update AST by DynamoDB's documented semantics: every value and every path refers
/// to the item as it was before the update (so <c>REMOVE l[1], l[2]</c> removes the original second and
/// third elements, and SET on indexes past a list's end appends in index order); overlapping paths, ADD of
/// anything but a number or set, DELETE of anything but a set, arithmetic on non-numbers, list_append on
/// non-lists, reading a missing attribute, and writing, removing or deleting below a missing or mistyped parent are invalid.
/// Returns null for an invalid update.
/// </summary>
public static class ReferenceUpdater
{
    /// <summary>Paths that agree up to a step where one names a map key and the other a list index (<c>a.b</c> and <c>a[0]</c>).</summary>
    public static bool Conflict(RPath a, RPath b)
    {
        for (var k = 0; k < Math.Min(a.Steps.Count, b.Steps.Count); k++)
        {
            if (a.Steps[k] == b.Steps[k]) continue;
            return (a.Steps[k].Name is null) != (b.Steps[k].Name is null);
        }
        return false;
    }

    public static Dictionary<string, AttrValue>? Apply(IReadOnlyDictionary<string, AttrValue> item, IReadOnlyList<RAction> actions)
    {
        for (var i = 0; i < actions.Count; i++)
            for (var j = i + 1; j < actions.Count; j++)
                if (IsPrefix(actions[i].Path, actions[j].Path) || IsPrefix(actions[j].Path, actions[i].Path) || Conflict(actions[i].Path, actions[j].Path)) return null;

        var root = new Edit();
        foreach (var action in actions)
        {
            var current = RefValues.Resolve(item, action.Path);
            Edit? edit;
            switch (action)
            {
                case RSet set:
                    if (Evaluate(set.Value, item) is not { } value) return null;
                    edit = new Edit { Value = value };
                    break;
                case RRemove:
                    if (!ParentFits(item, action.Path)) return null;
                    edit = new Edit { Removes = true };
                    break;
                case RAdd add:
                    if (add.Value.Type is not (AttrType.N or AttrType.SS or AttrType.NS or AttrType.BS)) return null;
                    if (current is null) edit = new Edit { Value = add.Value };
                    else if (current.Type == AttrType.N && add.Value.Type == AttrType.N) edit = new Edit { Value = Sum(current, add.Value) };
                    else if (current.Type == add.Value.Type && current.Type != AttrType.N) edit = new Edit { Value = Union(current, add.Value) };
                    else return null;
                    break;
                case RDelete delete:
                    if (delete.Value.Type is not (AttrType.SS or AttrType.NS or AttrType.BS)) return null;
                    if (!ParentFits(item, action.Path)) return null;
                    if (current is null) { edit = null; break; }
                    if (current.Type != delete.Value.Type) return null;
                    var left = Difference(current, delete.Value);
                    edit = left is null ? new Edit { Removes = true } : new Edit { Value = left };
                    break;
                default:
                    throw new NotSupportedException(action.GetType().Name);
            }
            if (edit is not null) root.Place(action.Path.Steps, 0, edit);
        }

        var result = new Dictionary<string, AttrValue>(item);
        foreach (var (step, edit) in root.Children)
        {
            var name = step.Name!;
            if (edit.IsLeaf)
            {
                if (edit.Removes) result.Remove(name);
                else result[name] = edit.Value!;
            }
            else if (item.TryGetValue(name, out var original))
            {
                if (Rebuild(original, edit) is not { } rebuilt) return null;
                result[name] = rebuilt;
            }
            else if (edit.Writes) return null;
        }
        return result;
    }

    /// <summary>REMOVE and DELETE of a nested path need its parent, a map for a name or a list for an index, in an existing item.</summary>
    private static bool ParentFits(IReadOnlyDictionary<string, AttrValue> item, RPath path)
    {
        if (path.Steps.Count == 1) return true;
        var parent = RefValues.Resolve(item, new RPath(path.Steps.Take(path.Steps.Count - 1).ToList()));
        return parent?.Type == (path.Steps[^1].Name is null ? AttrType.L : AttrType.M);
    }

    /// <summary>Rebuilds a container from its original value and the edits below it; null when an edit is invalid.</summary>
    private static AttrValue? Rebuild(AttrValue original, Edit edits)
    {
        if (original.Type == AttrType.M)
        {
            var map = new Dictionary<string, AttrValue>(original.Map!);
            foreach (var (step, edit) in edits.Children)
            {
                if (step.Name is null) { if (edit.Writes) return null; continue; }
                if (edit.IsLeaf)
                {
                    if (edit.Removes) map.Remove(step.Name);
                    else map[step.Name] = edit.Value!;
                }
                else if (map.TryGetValue(step.Name, out var child))
                {
                    if (Rebuild(child, edit) is not { } rebuilt) return null;
                    map[step.Name] = rebuilt;
                }
                else if (edit.Writes) return null;
            }
            return AttrValue.FromM(map);
        }
        if (original.Type == AttrType.L)
        {
            var list = new List<AttrValue>();
            var byIndex = edits.Children.Where(c => c.Key.Name is null).ToDictionary(c => c.Key.Index, c => c.Value);
            if (edits.Children.Any(c => c.Key.Name is not null && c.Value.Writes)) return null;
            for (var i = 0; i < original.List!.Count; i++)
            {
                if (!byIndex.TryGetValue(i, out var edit)) list.Add(original.List[i]);
                else if (edit.IsLeaf) { if (!edit.Removes) list.Add(edit.Value!); }
                else if (Rebuild(original.List[i], edit) is { } rebuilt) list.Add(rebuilt);
                else return null;
            }
            foreach (var (index, edit) in byIndex.Where(e => e.Key >= original.List.Count).OrderBy(e => e.Key))
            {
                if (edit.IsLeaf) { if (!edit.Removes) list.Add(edit.Value!); }
                else if (edit.Writes) return null;
            }
            return AttrValue.FromL(list);
        }
        return edits.Writes ? null : original;
    }

    private static AttrValue? Evaluate(RSetValue value, IReadOnlyDictionary<string, AttrValue> item)
    {
        switch (value)
        {
            case ROperandValue { Operand: RValue v }: return v.Value;
            case ROperandValue { Operand: RPath p }: return RefValues.Resolve(item, p);
            case RIfNotExists f: return RefValues.Resolve(item, f.Path) ?? Evaluate(f.Fallback, item);
            case RArithmetic a:
            {
                var left = Evaluate(a.Left, item);
                var right = Evaluate(a.Right, item);
                if (left?.Type != AttrType.N || right?.Type != AttrType.N) return null;
                var r = RefNumber.Parse(right.Text!);
                return AttrValue.FromN((RefNumber.Parse(left.Text!) + (a.Minus ? -r : r)).ToString());
            }
            case RListAppend l:
            {
                var first = Evaluate(l.First, item);
                var second = Evaluate(l.Second, item);
                if (first?.Type != AttrType.L || second?.Type != AttrType.L) return null;
                return AttrValue.FromL([.. first.List!, .. second.List!]);
            }
            default: throw new NotSupportedException(value.GetType().Name);
        }
    }

    private static AttrValue Sum(AttrValue a, AttrValue b) =>
        AttrValue.FromN((RefNumber.Parse(a.Text!) + RefNumber.Parse(b.Text!)).ToString());

    private static AttrValue Union(AttrValue a, AttrValue b) => a.Type switch
    {
        AttrType.BS => AttrValue.FromBS([.. a.BytesSet!, .. b.BytesSet!.Where(x => !a.BytesSet!.Any(y => y.SequenceEqual(x)))]),
        AttrType.NS => AttrValue.FromNS([.. a.TextSet!, .. b.TextSet!.Where(x => !a.TextSet!.Any(y => RefNumber.Parse(y) == RefNumber.Parse(x)))]),
        _ => AttrValue.FromSS([.. a.TextSet!, .. b.TextSet!.Where(x => !a.TextSet!.Contains(x))]),
    };

    private static AttrValue? Difference(AttrValue a, AttrValue b)
    {
        switch (a.Type)
        {
            case AttrType.BS:
                var bytes = a.BytesSet!.Where(x => !b.BytesSet!.Any(y => y.SequenceEqual(x))).ToList();
                return bytes.Count == 0 ? null : AttrValue.FromBS(bytes);
            case AttrType.NS:
                var numbers = a.TextSet!.Where(x => !b.TextSet!.Any(y => RefNumber.Parse(y) == RefNumber.Parse(x))).ToList();
                return numbers.Count == 0 ? null : AttrValue.FromNS(numbers);
            default:
                var strings = a.TextSet!.Where(x => !b.TextSet!.Contains(x)).ToList();
                return strings.Count == 0 ? null : AttrValue.FromSS(strings);
        }
    }

    private static bool IsPrefix(RPath a, RPath b) =>
        a.Steps.Count <= b.Steps.Count && a.Steps.Zip(b.Steps).All(p => p.First == p.Second);

    /// <summary>A node of the tree of edits: a leaf sets or removes a value, an inner node edits below it.</summary>
    private sealed class Edit
    {
        public AttrValue? Value { get; init; }
        public bool Removes { get; init; }
        public Dictionary<RStep, Edit> Children { get; } = [];
        public bool IsLeaf => Value is not null || Removes;
        /// <summary>Whether a value is written somewhere in this subtree (removals below a missing parent are no-ops).</summary>
        public bool Writes => Value is not null || Children.Values.Any(c => c.Writes);

        public void Place(IReadOnlyList<RStep> steps, int depth, Edit leaf)
        {
            if (depth == steps.Count - 1) { Children[steps[depth]] = leaf; return; }
            if (!Children.TryGetValue(steps[depth], out var child)) Children[steps[depth]] = child = new Edit();
            child.Place(steps, depth + 1, leaf);
        }
    }
}
