using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>Resolves document paths against items and projects items onto paths.</summary>
public static class DocumentPath
{
    public static AttrValue? Resolve(IReadOnlyDictionary<string, AttrValue>? item, IReadOnlyList<PathElement> path)
    {
        if (item is null || !item.TryGetValue(path[0].Name!, out var current)) return null;
        for (var i = 1; i < path.Count; i++)
        {
            var step = path[i];
            if (step.Name is not null)
            {
                if (current.Type != AttrType.M || !current.Map!.TryGetValue(step.Name, out current)) return null;
            }
            else
            {
                if (current.Type != AttrType.L || step.Index >= current.List!.Count) return null;
                current = current.List[step.Index];
            }
        }
        return current;
    }

    /// <summary>The parts of <paramref name="item"/> the paths name, nested as in the item; list elements keep their order.</summary>
    public static Dictionary<string, AttrValue> Project(IReadOnlyDictionary<string, AttrValue> item, IReadOnlyList<PathOperand> paths)
    {
        var result = new Dictionary<string, AttrValue>();
        foreach (var path in paths)
        {
            if (path.Path.Count == 1)
            {
                if (item.TryGetValue(path.TopLevelName, out var v)) result[path.TopLevelName] = v;
                continue;
            }
            if (Resolve(item, path.Path) is null) continue;
            result.TryGetValue(path.TopLevelName, out var existing);
            result[path.TopLevelName] = Merge(existing, item[path.TopLevelName], path.Path, 1);
        }
        return result;
    }

    private static AttrValue Merge(AttrValue? target, AttrValue source, IReadOnlyList<PathElement> path, int depth)
    {
        if (depth == path.Count) return source;
        var step = path[depth];
        if (step.Name is not null)
        {
            var map = target?.Type == AttrType.M ? new Dictionary<string, AttrValue>(target.Map!) : new Dictionary<string, AttrValue>();
            map.TryGetValue(step.Name, out var existing);
            map[step.Name] = Merge(existing, source.Map![step.Name], path, depth + 1);
            return AttrValue.FromM(map);
        }
        // Projected list elements are kept by source index, then compacted in index order.
        var picked = new SortedDictionary<int, AttrValue>();
        if (target?.Type == AttrType.L)
        {
            var indexes = ListIndexes(target);
            for (var i = 0; i < target.List!.Count; i++) picked[indexes[i]] = target.List[i];
        }
        picked.TryGetValue(step.Index, out var current);
        picked[step.Index] = Merge(current, source.List![step.Index], path, depth + 1);
        return WithIndexes(picked);
    }

    // A projected list remembers the source index of each element, so later paths merge into the right one.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AttrValue, int[]> SourceIndexes = new();

    private static int[] ListIndexes(AttrValue list) =>
        SourceIndexes.TryGetValue(list, out var indexes) ? indexes : Enumerable.Range(0, list.List!.Count).ToArray();

    private static AttrValue WithIndexes(SortedDictionary<int, AttrValue> picked)
    {
        var list = AttrValue.FromL(picked.Values.ToList());
        SourceIndexes.Add(list, picked.Keys.ToArray());
        return list;
    }
}
