using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>The document paths an item has, and the values found there, so generators can aim at real data.</summary>
public static class ItemPaths
{
    public static List<(RPath Path, AttrValue Value)> All(IReadOnlyDictionary<string, AttrValue>? item)
    {
        var found = new List<(RPath, AttrValue)>();
        if (item is null) return found;
        foreach (var (name, value) in item) Walk([RStep.Key(name)], value, found);
        return found;
    }

    private static void Walk(List<RStep> steps, AttrValue value, List<(RPath, AttrValue)> found)
    {
        found.Add((new RPath(steps.ToArray()), value));
        if (value.Type == AttrType.M)
            foreach (var (name, child) in value.Map!) Walk([.. steps, RStep.Key(name)], child, found);
        else if (value.Type == AttrType.L)
            for (var i = 0; i < value.List!.Count; i++) Walk([.. steps, RStep.At(i)], value.List[i], found);
    }
}
