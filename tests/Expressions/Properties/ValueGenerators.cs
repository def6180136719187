using DataTier.Model;
using FsCheck;
using FsCheck.Fluent;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// Generators of attribute values of every DynamoDB type, nested a few levels, drawn from small pools so
/// that generated conditions often meet equal values. Strings include characters whose UTF-16 order
/// differs from their UTF-8 order.
/// </summary>
public static class ValueGenerators
{
    /// <summary>Attribute names: safe identifiers, reserved words, and names that only a placeholder can carry.</summary>
    public static readonly string[] Names = ["a", "b", "c", "n", "l", "m", "tags", "x", "status", "name", "size", "count", "a.b", "my-attr", "with space", "ñ"];

    public static readonly string[] Strings = ["", "a", "ab", "abc", "b", "B", "é", "\uFF5A", "\U0001F600", "a\U0001F600"];

    public static readonly string[] Numbers = ["0", "1", "-1", "1.5", "15E-1", "2", "10", "1E1", "100", "0.25", "-3.75", "12345678", "-0.001"];

    public static readonly byte[][] Binaries = [[], [0], [0, 1], [1], [1, 2, 3], [255], [128, 0]];

    public static readonly string[] TypeNames = ["S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"];

    public static Gen<string> Name => Gen.Elements(Names);

    public static Gen<AttrValue> String => Gen.Elements(Strings).Select(AttrValue.FromS);

    public static Gen<AttrValue> Number => Gen.Elements(Numbers).Select(AttrValue.FromN);

    public static Gen<AttrValue> Binary => Gen.Elements(Binaries).Select(b => AttrValue.FromB(b.ToArray()));

    /// <summary>A value that can be ordered: S, N or B.</summary>
    public static Gen<AttrValue> Orderable => Gen.OneOf(String, Number, Binary);

    public static Gen<AttrValue> Scalar => Gen.Frequency(
        (3, String), (3, Number), (2, Binary),
        (1, Gen.Elements(AttrValue.True, AttrValue.False)), (1, Gen.Constant(AttrValue.Null)));

    public static Gen<AttrValue> StringSet =>
        Gen.SubListOf(Strings.Where(s => s.Length > 0)).Where(l => l.Count > 0).Select(l => AttrValue.FromSS(l.ToList()));

    /// <summary>Members distinct by value and in canonical form, as the data model demands of NS.</summary>
    public static Gen<AttrValue> NumberSet =>
        Gen.SubListOf(Numbers).Where(l => l.Count > 0).Select(l => AttrValue.FromNS(
            l.Select(n => AttrValue.FromN(n).Text!).DistinctBy(RefNumber.Parse).ToList()));

    public static Gen<AttrValue> BinarySet =>
        Gen.SubListOf(Binaries.Where(b => b.Length > 0)).Where(l => l.Count > 0).Select(l => AttrValue.FromBS(l.Select(b => b.ToArray()).ToList()));

    public static Gen<AttrValue> AnySet => Gen.OneOf(StringSet, NumberSet, BinarySet);

    public static Gen<AttrValue> Value(int depth)
    {
        if (depth <= 0) return Gen.Frequency((6, Scalar), (2, AnySet));
        var child = Value(depth - 1);
        return Gen.Frequency(
            (6, Scalar),
            (2, AnySet),
            (2, Gen.Choose(0, 3).SelectMany(n => child.ListOf(n)).Select(l => AttrValue.FromL(l.ToList()))),
            (2, Map(child)));
    }

    public static Gen<Dictionary<string, AttrValue>> Item =>
        Gen.Choose(0, 6).SelectMany(n => Gen.Zip(Name, Value(3)).ListOf(n))
            .Select(pairs => pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));

    private static Gen<AttrValue> Map(Gen<AttrValue> child) =>
        Gen.Choose(0, 3).SelectMany(n => Gen.Zip(Name, child).ListOf(n))
            .Select(pairs => AttrValue.FromM(pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2)));
}
