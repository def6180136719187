using System.Text;
using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// The reference semantics of values, written from DynamoDB's documentation: equality, ordering (numbers by
/// value, strings by their UTF-8 bytes, binary by unsigned bytes), size and document paths. Reads the data
/// model's fields only; none of the engine's comparison or path code.
/// </summary>
public static class RefValues
{
    public static AttrValue? Resolve(IReadOnlyDictionary<string, AttrValue>? item, RPath path)
    {
        if (item is null || !item.TryGetValue(path.Steps[0].Name!, out var current)) return null;
        foreach (var step in path.Steps.Skip(1))
        {
            if (step.Name is not null)
            {
                if (current.Type != AttrType.M || !current.Map!.TryGetValue(step.Name, out var child)) return null;
                current = child;
            }
            else
            {
                if (current.Type != AttrType.L || step.Index >= current.List!.Count) return null;
                current = current.List[step.Index];
            }
        }
        return current;
    }

    public static bool Equal(AttrValue a, AttrValue b)
    {
        if (a.Type != b.Type) return false;
        return a.Type switch
        {
            AttrType.S => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            AttrType.N => RefNumber.Parse(a.Text!) == RefNumber.Parse(b.Text!),
            AttrType.B => a.Bytes!.SequenceEqual(b.Bytes!),
            AttrType.BOOL => a.Bool == b.Bool,
            AttrType.NULL => true,
            AttrType.SS => SameSet(a.TextSet!, b.TextSet!, (x, y) => x == y),
            AttrType.NS => SameSet(a.TextSet!, b.TextSet!, (x, y) => RefNumber.Parse(x) == RefNumber.Parse(y)),
            AttrType.BS => SameSet(a.BytesSet!, b.BytesSet!, (x, y) => x.SequenceEqual(y)),
            AttrType.L => a.List!.Count == b.List!.Count && a.List.Zip(b.List).All(p => Equal(p.First, p.Second)),
            AttrType.M => ItemsEqual(a.Map!, b.Map!),
            _ => false,
        };
    }

    public static bool ItemsEqual(IReadOnlyDictionary<string, AttrValue> a, IReadOnlyDictionary<string, AttrValue> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && Equal(kv.Value, other));

    /// <summary>The order of two values of one orderable type (N, S, B); null when they cannot be ordered.</summary>
    public static int? Order(AttrValue a, AttrValue b)
    {
        if (a.Type != b.Type) return null;
        return a.Type switch
        {
            AttrType.N => RefNumber.Parse(a.Text!).CompareTo(RefNumber.Parse(b.Text!)),
            AttrType.S => UnsignedBytes(Encoding.UTF8.GetBytes(a.Text!), Encoding.UTF8.GetBytes(b.Text!)),
            AttrType.B => UnsignedBytes(a.Bytes!, b.Bytes!),
            _ => null,
        };
    }

    /// <summary>size(): string length in UTF-16 characters, binary length, element count of sets, lists and maps.</summary>
    public static AttrValue? Size(AttrValue? v) => v?.Type switch
    {
        AttrType.S => AttrValue.FromN(v.Text!.ToCharArray().Length),
        AttrType.B => AttrValue.FromN(v.Bytes!.Length),
        AttrType.SS or AttrType.NS => AttrValue.FromN(v.TextSet!.Count),
        AttrType.BS => AttrValue.FromN(v.BytesSet!.Count),
        AttrType.L => AttrValue.FromN(v.List!.Count),
        AttrType.M => AttrValue.FromN(v.Map!.Count),
        _ => null,
    };

    public static bool StartsWith(byte[] value, byte[] prefix) =>
        prefix.Length <= value.Length && value.Take(prefix.Length).SequenceEqual(prefix);

    public static bool ContainsRun(byte[] value, byte[] part)
    {
        for (var start = 0; start + part.Length <= value.Length; start++)
            if (value.Skip(start).Take(part.Length).SequenceEqual(part)) return true;
        return false;
    }

    private static bool SameSet<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, bool> same) =>
        a.All(x => b.Any(y => same(x, y))) && b.All(y => a.Any(x => same(x, y)));

    private static int UnsignedBytes(byte[] a, byte[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return a.Length.CompareTo(b.Length);
    }
}
