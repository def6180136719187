namespace DataTier.Cache.Commands;

/// <summary>BITFIELD's OVERFLOW behaviours for SET and INCRBY.</summary>
public enum BitfieldOverflow : byte { Wrap, Sat, Fail }
