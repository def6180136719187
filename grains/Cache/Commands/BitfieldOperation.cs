namespace DataTier.Cache.Commands;

/// <summary>One parsed BITFIELD subcommand: its kind, field (offset in bits, width, signedness), SET or INCRBY operand and the OVERFLOW in force.</summary>
public readonly record struct BitfieldOperation(BitfieldOperation.Kinds Kind, long Offset, int Bits, bool Signed, long Operand, BitfieldOverflow Overflow)
{
    public enum Kinds : byte { Get, Set, IncrBy }
}
