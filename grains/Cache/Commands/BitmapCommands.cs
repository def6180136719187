using System.Numerics;
using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>Bit operations on strings (SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP), with Redis 7.0's replies and errors. Bit 0 is the most significant bit of byte 0.</summary>
public static class BitmapCommands
{
    public const long MaxBitOffset = 4L * 1024 * 1024 * 1024 - 1;

    public static readonly CacheReply BadOffset = CacheReply.Error("ERR bit offset is not an integer or out of range");

    /// <summary>The string at a key for reading: empty when absent; WRONGTYPE for another type.</summary>
    private static byte[]? Read(CacheKeyspace ks, byte[] key, out CacheReply? error)
    {
        error = null;
        var entry = ks.Read(key);
        if (entry is null) return [];
        if (entry.Value is byte[] value) return value;
        error = CacheErrors.WrongType;
        return null;
    }

    public static CacheReply SetBit(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var offset) || offset < 0 || offset > MaxBitOffset) return BadOffset;
        if (!CacheNumbers.TryParseLong(a[3], out var bit) || bit is not (0 or 1)) return CacheReply.Error("ERR bit is not an integer or out of range");
        var entry = ks.Write(a[1]);
        if (entry is not null && entry.Value is not byte[]) return CacheErrors.WrongType;
        var value = entry?.Value as byte[] ?? [];
        var index = (int)(offset >> 3);
        var grew = entry is null || index >= value.Length;
        if (index >= value.Length)
        {
            var grown = new byte[index + 1];
            value.CopyTo(grown, 0);
            value = grown;
        }
        var mask = (byte)(0x80 >> (int)(offset & 7));
        var old = (value[index] & mask) != 0 ? 1 : 0;
        value[index] = bit == 1 ? (byte)(value[index] | mask) : (byte)(value[index] & ~mask);
        ks.SetRawString(a[1], entry, value);
        // Redis raises setbit only for a new or longer string, or a bit that changed.
        if (grew || old != bit) ks.StringEvent("setbit", a[1]);
        return CacheReply.Int(old);
    }

    public static CacheReply GetBit(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var offset) || offset < 0 || offset > MaxBitOffset) return BadOffset;
        var value = Read(ks, a[1], out var error);
        if (error is not null) return error;
        var index = offset >> 3;
        return index < value!.Length && (value[index] & (0x80 >> (int)(offset & 7))) != 0 ? CacheReply.One : CacheReply.Zero;
    }

    /// <summary>BITCOUNT key [start end [BYTE|BIT]]; as in Redis, an absent key counts 0 before the range is even read.</summary>
    public static CacheReply Count(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Read(a[1]);
        if (entry is null) return CacheReply.Zero;
        if (entry.Value is not byte[] value) return CacheErrors.WrongType;
        long start = 0, end = -1;
        var bits = false;
        if (a.Length is 3 or > 5) return CacheErrors.Syntax;
        if (a.Length >= 4)
        {
            if (!CacheNumbers.TryParseLong(a[2], out start) || !CacheNumbers.TryParseLong(a[3], out end)) return CacheErrors.NotInteger;
            if (a.Length == 5 && ParseUnit(a[4], out bits) is { } invalid) return invalid;
        }
        // Redis 7.0 answers 0 at once for two negative bounds out of order, before clamping them (BITPOS does not).
        if (start < 0 && end < 0 && start > end) return CacheReply.Zero;
        if (!Range(value.Length * (bits ? 8L : 1L), ref start, ref end)) return CacheReply.Zero;
        long count = 0;
        if (!bits)
        {
            for (var i = start; i <= end; i++) count += BitOperations.PopCount(value[i]);
            return CacheReply.Int(count);
        }
        for (var i = start; i <= end; i++)
            if ((value[i >> 3] & (0x80 >> (int)(i & 7))) != 0) count++;
        return CacheReply.Int(count);
    }

    /// <summary>BITPOS key bit [start [end [BYTE|BIT]]]: the first bit of that value in the range, -1 if none.</summary>
    public static CacheReply Position(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var bit)) return CacheErrors.NotInteger;
        if (bit is not (0 or 1)) return CacheReply.Error("ERR The bit argument must be 1 or 0.");
        var entry = ks.Read(a[1]);
        if (entry is null) return bit == 1 ? CacheReply.MinusOne : CacheReply.Zero;
        if (entry.Value is not byte[] value) return CacheErrors.WrongType;
        long start = 0, end = -1;
        var bits = false;
        var endGiven = a.Length >= 5;
        if (a.Length > 6) return CacheErrors.Syntax;
        if (a.Length >= 4 && !CacheNumbers.TryParseLong(a[3], out start)) return CacheErrors.NotInteger;
        if (endGiven && !CacheNumbers.TryParseLong(a[4], out end)) return CacheErrors.NotInteger;
        if (a.Length == 6 && ParseUnit(a[5], out bits) is { } invalid) return invalid;
        long firstBit, lastBit;
        if (bits)
        {
            if (!Range(value.Length * 8L, ref start, ref end)) return CacheReply.MinusOne;
            (firstBit, lastBit) = (start, end);
        }
        else
        {
            if (!Range(value.Length, ref start, ref end)) return CacheReply.MinusOne;
            (firstBit, lastBit) = (start * 8, end * 8 + 7);
        }
        for (var i = firstBit; i <= lastBit; i++)
            if (((value[i >> 3] & (0x80 >> (int)(i & 7))) != 0) == (bit == 1)) return CacheReply.Int(i);
        // Looking for a clear bit past the end of the string finds one just after it, unless the range had an end.
        return bit == 0 && !endGiven ? CacheReply.Int(value.Length * 8L) : CacheReply.MinusOne;
    }

    /// <summary>BITOP AND|OR|XOR|NOT destkey key [key ...], with every key on this shard.</summary>
    public static CacheReply Operation(CacheKeyspace ks, byte[][] a)
    {
        if (CheckOperator(a[1], a.Length - 3) is { } bad) return bad;
        var sources = new byte[a.Length - 3][];
        for (var i = 3; i < a.Length; i++)
        {
            var value = Read(ks, a[i], out var error);
            if (error is not null) return error;
            sources[i - 3] = value!;
        }
        if (Combine(a[1], sources, out var result) is { } invalid) return invalid;
        Store(ks, a[2], result);
        return CacheReply.Int(result.Length);
    }

    /// <summary>The operator's checks, then the result: as long as the longest source, missing bytes counting as zero.</summary>
    public static CacheReply? Combine(byte[] op, byte[][] sources, out byte[] result)
    {
        result = [];
        if (CheckOperator(op, sources.Length) is { } bad) return bad;
        var not = Arg.Is(op, "not");
        var length = sources.Max(s => s.Length);
        result = new byte[length];
        for (var b = 0; b < length; b++)
        {
            if (not)
            {
                result[b] = (byte)~sources[0][b];
                continue;
            }
            var acc = b < sources[0].Length ? sources[0][b] : (byte)0;
            for (var s = 1; s < sources.Length; s++)
            {
                var x = b < sources[s].Length ? sources[s][b] : (byte)0;
                acc = Arg.Is(op, "and") ? (byte)(acc & x) : Arg.Is(op, "or") ? (byte)(acc | x) : (byte)(acc ^ x);
            }
            result[b] = acc;
        }
        return null;
    }

    /// <summary>The operator is AND, OR, XOR or NOT, and NOT has one source: checked before any key is read, as in Redis.</summary>
    public static CacheReply? CheckOperator(byte[] op, int sources)
    {
        var not = Arg.Is(op, "not");
        if (!not && !Arg.Is(op, "and") && !Arg.Is(op, "or") && !Arg.Is(op, "xor")) return CacheErrors.Syntax;
        return not && sources != 1 ? CacheReply.Error("ERR BITOP NOT must be called with a single source key.") : null;
    }

    /// <summary>BITOP's destination: the result as a string, or the key removed when the result is empty.</summary>
    public static void Store(CacheKeyspace ks, byte[] destination, byte[] result)
    {
        if (ks.StoreResult(destination, result.Length == 0 ? null : result, Notifications.KeyspaceEventTypes.String, "set") is { } entry)
            entry.StringEncoding = StringEncoding.Raw;
    }

    private static CacheReply? ParseUnit(byte[] arg, out bool bits)
    {
        bits = Arg.Is(arg, "bit");
        return bits || Arg.Is(arg, "byte") ? null : CacheErrors.Syntax;
    }

    /// <summary>Redis' range rule over a length in bytes or bits; false when the range is empty.</summary>
    private static bool Range(long length, ref long start, ref long end)
    {
        if (start < 0) start += length;
        if (end < 0) end += length;
        if (start < 0) start = 0;
        if (end < 0) end = 0;
        if (end >= length) end = length - 1;
        return length > 0 && start <= end;
    }
}
