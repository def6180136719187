using System.Text;
using DataTier.Model;

namespace DataTier.Keys;

/// <summary>
/// Canonical byte forms of key values. Partition keys hash these bytes; sort keys are stored as
/// these bytes so that unsigned byte order is DynamoDB's order (S: UTF-8 bytes, N: numeric value,
/// B: unsigned bytes).
/// </summary>
public static class KeyBytes
{
    public static byte[] Of(AttrValue value) => value.Type switch
    {
        AttrType.S => Encoding.UTF8.GetBytes(value.Text!),
        AttrType.N => DynamoNumber.Parse(value.Text!).ToSortableBytes(),
        AttrType.B => value.Bytes!,
        _ => throw new ArgumentException($"Key values must be S, N or B, not {value.Type}"),
    };

    public static AttrValue ToValue(AttrType type, ReadOnlySpan<byte> bytes) => type switch
    {
        AttrType.S => AttrValue.FromS(Encoding.UTF8.GetString(bytes)),
        AttrType.N => AttrValue.FromN(DynamoNumber.FromSortableBytes(bytes)),
        AttrType.B => AttrValue.FromB(bytes.ToArray()),
        _ => throw new ArgumentException($"Key values must be S, N or B, not {type}"),
    };

    /// <summary>Orders two key values of one type as DynamoDB orders sort keys.</summary>
    public static int Compare(AttrValue a, AttrValue b) => a.Type switch
    {
        AttrType.N => DynamoNumber.Parse(a.Text!).CompareTo(DynamoNumber.Parse(b.Text!)),
        AttrType.S => Of(a).AsSpan().SequenceCompareTo(Of(b)),
        _ => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes),
    };

    /// <summary>The smallest byte string greater than every string that starts with <paramref name="prefix"/>, or null if none exists.</summary>
    public static byte[]? PrefixSuccessor(ReadOnlySpan<byte> prefix)
    {
        var result = prefix.ToArray();
        for (var i = result.Length - 1; i >= 0; i--)
        {
            if (result[i] != 0xFF)
            {
                result[i]++;
                return result.AsSpan(0, i + 1).ToArray();
            }
        }
        return null;
    }
}
