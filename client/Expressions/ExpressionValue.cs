using System.Globalization;
using DataTier.Model;

namespace DataTier.Client.Expressions;

/// <summary>
/// A literal in a built expression. Converts implicitly from <see cref="AttrValue"/>, strings, numbers,
/// booleans and byte arrays, so builder methods take plain .NET values.
/// </summary>
public readonly struct ExpressionValue
{
    private readonly AttrValue? _value;

    public ExpressionValue(AttrValue value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    public AttrValue Value => _value ?? throw new InvalidOperationException("An ExpressionValue must be created from a value.");

    public static implicit operator ExpressionValue(AttrValue value) => new(value);
    public static implicit operator ExpressionValue(string value) => new(AttrValue.FromS(value ?? throw new ArgumentNullException(nameof(value))));
    public static implicit operator ExpressionValue(int value) => new(AttrValue.FromN(value));
    public static implicit operator ExpressionValue(long value) => new(AttrValue.FromN(value));
    public static implicit operator ExpressionValue(decimal value) => new(AttrValue.FromN(value.ToString(CultureInfo.InvariantCulture)));
    public static implicit operator ExpressionValue(double value) => new(AttrValue.FromN(Finite(value).ToString("R", CultureInfo.InvariantCulture)));
    public static implicit operator ExpressionValue(bool value) => new(AttrValue.FromBool(value));
    public static implicit operator ExpressionValue(byte[] value) => new(AttrValue.FromB(value ?? throw new ArgumentNullException(nameof(value))));

    public static ExpressionValue Null => new(AttrValue.Null);

    public static ExpressionValue StringSet(params string[] members) => new(AttrValue.FromSS(members));

    public static ExpressionValue NumberSet(params decimal[] members) =>
        new(AttrValue.FromNS(members.Select(m => AttrValue.FromN(m.ToString(CultureInfo.InvariantCulture)).Text!).ToList()));

    public static ExpressionValue BinarySet(params byte[][] members) => new(AttrValue.FromBS(members));

    public static ExpressionValue List(params ExpressionValue[] elements) => new(AttrValue.FromL(elements.Select(e => e.Value).ToList()));

    public override string ToString() => Value.ToString();

    private static double Finite(double value) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), "DynamoDB numbers are finite.");
}
