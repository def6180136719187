namespace DataTier.Cache.Hll;

/// <summary>
/// The sparse registers, as runs: ZERO (00xxxxxx, 1 to 64 zeros), XZERO (01xxxxxx xxxxxxxx, 1 to 16384 zeros) and
/// VAL (1vvvvvxx, 1 to 4 registers of value 1 to 32). Edits follow Redis' steps exactly, so the bytes match.
/// </summary>
public static class HllSparse
{
    public const int MaxValue = 32;
    private const int ZeroMaxLength = 64;
    private const int ValMaxLength = 4;

    public enum Outcome { Unchanged, Updated, Corrupted, NeedsDense }

    private static bool IsZero(byte op) => (op & 0xc0) == 0;
    private static bool IsXZero(byte op) => (op & 0xc0) == 0x40;
    private static bool IsVal(byte op) => (op & 0x80) != 0;
    private static int ZeroLength(byte op) => (op & 0x3f) + 1;
    private static int XZeroLength(byte op, byte next) => (((op & 0x3f) << 8) | next) + 1;
    private static int ValValue(byte op) => ((op >> 2) & 0x1f) + 1;
    private static int ValLength(byte op) => (op & 0x3) + 1;
    private static byte Val(int value, int length) => (byte)(0x80 | ((value - 1) << 2) | (length - 1));

    public static void WriteXZero(Span<byte> at, int length)
    {
        at[0] = (byte)(0x40 | ((length - 1) >> 8));
        at[1] = (byte)((length - 1) & 0xff);
    }

    /// <summary>A zero run as ZERO when it fits, else XZERO.</summary>
    private static void AddZeros(List<byte> sequence, int length)
    {
        if (length > ZeroMaxLength)
        {
            Span<byte> op = stackalloc byte[2];
            WriteXZero(op, length);
            sequence.Add(op[0]);
            sequence.Add(op[1]);
        }
        else sequence.Add((byte)(length - 1));
    }

    // Redis reads an XZERO's second byte even at the very end, where it finds the string's terminating zero.
    private static byte At(List<byte> hll, int position) => position < hll.Count ? hll[position] : (byte)0;

    /// <summary>
    /// Raises register <paramref name="index"/> of the sparse HLL in <paramref name="hll"/> (header included) to
    /// <paramref name="count"/>; NeedsDense when the sparse form would grow past <paramref name="maxBytes"/>.
    /// </summary>
    public static Outcome Set(List<byte> hll, int index, int count, long maxBytes = HllLayout.SparseMaxBytes)
    {
        if (count > MaxValue) return Outcome.NeedsDense;
        // Find the run that holds the register.
        int p = HllLayout.HeaderSize, end = hll.Count, first = 0, span = 0, previous = -1;
        while (p < end)
        {
            var op = hll[p];
            var length = 1;
            if (IsZero(op)) span = ZeroLength(op);
            else if (IsVal(op)) span = ValLength(op);
            else
            {
                span = XZeroLength(op, At(hll, p + 1));
                length = 2;
            }
            if (index <= first + span - 1) break;
            previous = p;
            p += length;
            first += span;
        }
        if (span == 0 || p >= end) return Outcome.Corrupted;

        var current = hll[p];
        if (IsVal(current))
        {
            if (ValValue(current) >= count) return Outcome.Unchanged;
            if (ValLength(current) == 1)
            {
                hll[p] = Val(count, 1);
                return Updated(hll, previous);
            }
        }
        if (IsZero(current) && ZeroLength(current) == 1)
        {
            hll[p] = Val(count, 1);
            return Updated(hll, previous);
        }

        // Split the run in up to three: the registers before, the one set, the registers after.
        var last = first + span - 1;
        var sequence = new List<byte>(5);
        if (IsVal(current))
        {
            var value = ValValue(current);
            if (index != first) sequence.Add(Val(value, index - first));
            sequence.Add(Val(count, 1));
            if (index != last) sequence.Add(Val(value, last - index));
        }
        else
        {
            if (index != first) AddZeros(sequence, index - first);
            sequence.Add(Val(count, 1));
            if (index != last) AddZeros(sequence, last - index);
        }
        var oldLength = IsXZero(current) ? 2 : 1;
        var delta = sequence.Count - oldLength;
        if (delta > 0 && hll.Count + delta > maxBytes) return Outcome.NeedsDense;
        hll.RemoveRange(p, Math.Min(oldLength, hll.Count - p));
        hll.InsertRange(p, sequence);
        return Updated(hll, previous);
    }

    /// <summary>Merges adjacent VAL runs of one value, over at most five runs from the one before the change.</summary>
    private static Outcome Updated(List<byte> hll, int previous)
    {
        var p = previous >= 0 ? previous : HllLayout.HeaderSize;
        var end = hll.Count;
        var scan = 5;
        while (p < end && scan-- > 0)
        {
            var op = hll[p];
            if (IsXZero(op))
            {
                p += 2;
                continue;
            }
            if (IsZero(op))
            {
                p++;
                continue;
            }
            if (p + 1 < end && IsVal(hll[p + 1]) && ValValue(op) == ValValue(hll[p + 1]))
            {
                var length = ValLength(op) + ValLength(hll[p + 1]);
                if (length <= ValMaxLength)
                {
                    hll[p + 1] = Val(ValValue(op), length);
                    hll.RemoveAt(p);
                    end--;
                    continue;
                }
            }
            p++;
        }
        var header = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hll);
        HllLayout.Invalidate(header);
        return Outcome.Updated;
    }

    /// <summary>Calls <paramref name="run"/> for each run (first register, length, value); false when the runs do not cover exactly the 16384 registers.</summary>
    private static bool Walk(ReadOnlySpan<byte> runs, Action<int, int, int>? run, bool stopOnOverflow)
    {
        int p = 0, index = 0;
        while (p < runs.Length)
        {
            var op = runs[p];
            int length, value = 0;
            if (IsZero(op))
            {
                length = ZeroLength(op);
                p++;
            }
            else if (IsXZero(op))
            {
                length = XZeroLength(op, p + 1 < runs.Length ? runs[p + 1] : (byte)0);
                p += 2;
            }
            else
            {
                length = ValLength(op);
                value = ValValue(op);
                p++;
                if (stopOnOverflow && index + length > HllLayout.Registers) break;
            }
            run?.Invoke(index, length, value);
            index += length;
        }
        return index == HllLayout.Registers;
    }

    public static bool Histogram(ReadOnlySpan<byte> runs, int[] histogram) =>
        Walk(runs, (_, length, value) => histogram[value] += length, stopOnOverflow: false);

    public static bool MergeInto(ReadOnlySpan<byte> runs, byte[] max) =>
        Walk(runs, (first, length, value) =>
        {
            for (var i = first; i < first + length && value > 0; i++)
                if (value > max[i]) max[i] = (byte)value;
        }, stopOnOverflow: true);

    /// <summary>The sparse HLL in <paramref name="hll"/> rewritten dense (same header, encoding dense); false when corrupted.</summary>
    public static bool ToDense(List<byte> hll)
    {
        var dense = new byte[HllLayout.DenseSize];
        var source = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hll);
        source[..HllLayout.HeaderSize].CopyTo(dense);
        HllLayout.SetEncoding(dense, HllLayout.Dense);
        var registers = dense.AsSpan(HllLayout.HeaderSize);
        var runs = new List<(int First, int Length, int Value)>();
        if (!Walk(source[HllLayout.HeaderSize..], (first, length, value) => { if (value > 0) runs.Add((first, length, value)); }, stopOnOverflow: true)) return false;
        foreach (var (first, length, value) in runs)
            for (var i = first; i < first + length; i++) HllDense.Raise(registers, i, value);
        hll.Clear();
        hll.AddRange(dense);
        return true;
    }
}
