namespace DataTier.Cache.Keyspace;

/// <summary>How Redis 7.0 would hold a string, which depends on the command that last wrote it (OBJECT ENCODING, REFCOUNT).</summary>
public enum StringEncoding : byte
{
    /// <summary>Stored as sent (SET, MSET, INCR, ...): <c>int</c> when it reads as a 64-bit integer, else <c>embstr</c> up to 44 bytes, else <c>raw</c>; a small integer is Redis' shared object.</summary>
    Auto,
    /// <summary>Changed in place (APPEND, SETRANGE, SETBIT, BITFIELD, BITOP, PFADD, PFMERGE): always <c>raw</c>.</summary>
    Raw,
    /// <summary>Made from text without trying an integer (INCRBYFLOAT): <c>embstr</c> up to 44 bytes, else <c>raw</c>.</summary>
    NotInteger,
    /// <summary>As <see cref="Auto"/>, but never the shared object (a COPY makes its own).</summary>
    Unshared,
}
