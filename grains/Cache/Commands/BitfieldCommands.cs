using DataTier.Cache.Keyspace;
using Kinds = DataTier.Cache.Commands.BitfieldOperation.Kinds;

namespace DataTier.Cache.Commands;

/// <summary>
/// BITFIELD and BITFIELD_RO: integer fields of 1 to 64 bits (u63 at most unsigned) at any bit offset of a string,
/// read, set or incremented, with Redis 7.0's overflow rules, replies and errors. Bits are numbered as for SETBIT.
/// </summary>
public static class BitfieldCommands
{
    private static readonly CacheReply InvalidType = CacheReply.Error("ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");
    private static readonly CacheReply InvalidOverflow = CacheReply.Error("ERR Invalid OVERFLOW type specified");
    private static readonly CacheReply OnlyGet = CacheReply.Error("ERR BITFIELD_RO only supports the GET subcommand");

    public static CacheReply Run(CacheKeyspace ks, byte[][] a, bool readOnlyCommand)
    {
        if (Parse(a, out var operations, out var highestBit) is { } invalid) return invalid;
        var writes = operations.Exists(o => o.Kind != Kinds.Get);
        if (writes && readOnlyCommand) return OnlyGet;
        var entry = writes ? ks.Write(a[1]) : ks.Read(a[1]);
        if (entry is not null && entry.Value is not byte[]) return CacheErrors.WrongType;
        var value = entry?.Value as byte[] ?? [];
        if (writes)
        {
            // A copy, grown to the furthest bit written, even when every write fails on OVERFLOW FAIL (as Redis grows it first).
            var grown = new byte[Math.Max(value.Length, (int)(highestBit >> 3) + 1)];
            value.CopyTo(grown, 0);
            value = grown;
        }
        var replies = new CacheReply[operations.Count];
        for (var i = 0; i < operations.Count; i++) replies[i] = Apply(value, operations[i]);
        if (writes)
        {
            ks.SetRawString(a[1], entry, value);
            // Redis raises setbit when a SET or INCRBY took effect (not refused by OVERFLOW FAIL).
            if (operations.Where((op, i) => op.Kind != BitfieldOperation.Kinds.Get && replies[i].Kind != ReplyKind.Null).Any()) ks.StringEvent("setbit", a[1]);
        }
        return CacheReply.Array(replies);
    }

    private static CacheReply? Parse(byte[][] a, out List<BitfieldOperation> operations, out long highestBit)
    {
        operations = [];
        highestBit = 0;
        var overflow = BitfieldOverflow.Wrap;
        for (var j = 2; j < a.Length; j++)
        {
            var remaining = a.Length - j - 1;
            Kinds kind;
            if (Arg.Is(a[j], "get") && remaining >= 2) kind = Kinds.Get;
            else if (Arg.Is(a[j], "set") && remaining >= 3) kind = Kinds.Set;
            else if (Arg.Is(a[j], "incrby") && remaining >= 3) kind = Kinds.IncrBy;
            else if (Arg.Is(a[j], "overflow") && remaining >= 1)
            {
                j++;
                if (Arg.Is(a[j], "wrap")) overflow = BitfieldOverflow.Wrap;
                else if (Arg.Is(a[j], "sat")) overflow = BitfieldOverflow.Sat;
                else if (Arg.Is(a[j], "fail")) overflow = BitfieldOverflow.Fail;
                else return InvalidOverflow;
                continue;
            }
            else return CacheErrors.Syntax;

            if (!TryParseType(a[j + 1], out var signed, out var bits)) return InvalidType;
            if (!TryParseOffset(a[j + 2], bits, out var offset)) return BitmapCommands.BadOffset;
            long operand = 0;
            if (kind != Kinds.Get)
            {
                highestBit = Math.Max(highestBit, offset + bits - 1);
                if (!CacheNumbers.TryParseLong(a[j + 3], out operand)) return CacheErrors.NotInteger;
            }
            operations.Add(new BitfieldOperation(kind, offset, bits, signed, operand, overflow));
            j += kind == Kinds.Get ? 2 : 3;
        }
        return null;
    }

    /// <summary>i1..i64 or u1..u63, the letter in lower case.</summary>
    private static bool TryParseType(byte[] arg, out bool signed, out int bits)
    {
        signed = arg.Length > 0 && arg[0] == 'i';
        bits = 0;
        if (arg.Length == 0 || (arg[0] != 'i' && arg[0] != 'u')) return false;
        if (!CacheNumbers.TryParseLong(arg.AsSpan(1), out var width) || width < 1 || width > (signed ? 64 : 63)) return false;
        bits = (int)width;
        return true;
    }

    /// <summary>A bit offset, or with '#' a field index multiplied by the width; below 512 MB in bytes.</summary>
    private static bool TryParseOffset(byte[] arg, int bits, out long offset)
    {
        var byIndex = arg.Length > 0 && arg[0] == '#';
        if (!CacheNumbers.TryParseLong(arg.AsSpan(byIndex ? 1 : 0), out offset)) return false;
        if (byIndex) offset = unchecked(offset * bits);
        return offset >= 0 && offset <= BitmapCommands.MaxBitOffset;
    }

    private static CacheReply Apply(byte[] value, BitfieldOperation op)
    {
        var old = Read(value, op.Offset, op.Bits);
        if (op.Kind == Kinds.Get) return CacheReply.Int(op.Signed ? SignExtend(old, op.Bits) : (long)old);
        bool overflowed;
        ulong stored;
        long reply;
        if (op.Signed)
        {
            var current = SignExtend(old, op.Bits);
            var target = op.Kind == Kinds.IncrBy ? unchecked(current + op.Operand) : op.Operand;
            overflowed = op.Kind == Kinds.IncrBy
                ? BitfieldOverflowRules.Signed(current, op.Operand, op.Bits, op.Overflow, out var limit)
                : BitfieldOverflowRules.Signed(op.Operand, 0, op.Bits, op.Overflow, out limit);
            if (overflowed) target = limit;
            stored = unchecked((ulong)target);
            reply = op.Kind == Kinds.IncrBy ? target : current;
        }
        else
        {
            var target = op.Kind == Kinds.IncrBy ? unchecked(old + (ulong)op.Operand) : unchecked((ulong)op.Operand);
            overflowed = op.Kind == Kinds.IncrBy
                ? BitfieldOverflowRules.Unsigned(old, op.Operand, op.Bits, op.Overflow, out var limit)
                : BitfieldOverflowRules.Unsigned(target, 0, op.Bits, op.Overflow, out limit);
            if (overflowed) target = limit;
            stored = target;
            reply = unchecked((long)(op.Kind == Kinds.IncrBy ? target : old));
        }
        if (overflowed && op.Overflow == BitfieldOverflow.Fail) return CacheReply.Nil;
        Write(value, op.Offset, op.Bits, stored);
        return CacheReply.Int(reply);
    }

    /// <summary>The field's bits, most significant first; bits past the end of the string read as zero.</summary>
    private static ulong Read(byte[] value, long offset, int bits)
    {
        ulong field = 0;
        for (var i = 0; i < bits; i++, offset++)
        {
            var index = offset >> 3;
            var bit = index < value.Length ? (value[index] >> (7 - (int)(offset & 7))) & 1 : 0;
            field = (field << 1) | (uint)bit;
        }
        return field;
    }

    private static void Write(byte[] value, long offset, int bits, ulong field)
    {
        for (var i = bits - 1; i >= 0; i--, offset++)
        {
            var mask = (byte)(0x80 >> (int)(offset & 7));
            var index = offset >> 3;
            value[index] = ((field >> i) & 1) != 0 ? (byte)(value[index] | mask) : (byte)(value[index] & ~mask);
        }
    }

    private static long SignExtend(ulong field, int bits) =>
        bits < 64 && (field & (1UL << (bits - 1))) != 0 ? unchecked((long)(field | (ulong.MaxValue << bits))) : unchecked((long)field);
}
