namespace DataTier.Cache;

/// <summary>The kind of a command's reply, independent of the protocol version that will carry it.</summary>
public enum ReplyKind : byte
{
    /// <summary>A status line such as OK.</summary>
    Simple,
    /// <summary>An error; <see cref="CacheReply.Text"/> starts with its code (ERR, WRONGTYPE, ...).</summary>
    Error,
    Integer,
    /// <summary>A binary-safe string.</summary>
    Bulk,
    /// <summary>No value: RESP2 nil bulk string, RESP3 null.</summary>
    Null,
    /// <summary>No array: RESP2 nil array, RESP3 null.</summary>
    NullArray,
    Array,
    /// <summary>Key-value pairs, flattened in <see cref="CacheReply.Items"/>: RESP2 array, RESP3 map.</summary>
    Map,
    /// <summary>RESP2 array, RESP3 set.</summary>
    Set,
    /// <summary>RESP2 bulk string, RESP3 double.</summary>
    Double,
    /// <summary>Member and score pairs, flattened in <see cref="CacheReply.Items"/>: RESP2 a flat array, RESP3 an array of two-element arrays.</summary>
    ScorePairs,
    /// <summary>Text: RESP2 bulk string, RESP3 verbatim string (txt).</summary>
    Verbatim,
    /// <summary>Key and value pairs, flattened in <see cref="CacheReply.Items"/>: RESP2 an array of two-element arrays, RESP3 a map (XREAD).</summary>
    KeyedPairs,
    /// <summary>RESP2 integer 1 or 0, RESP3 boolean; <see cref="CacheReply.Integer"/> is 1 or 0 (a script's true or false after redis.setresp(3)).</summary>
    Boolean,
    /// <summary>The digits in <see cref="CacheReply.Text"/>: RESP2 bulk string, RESP3 big number.</summary>
    BigNumber,
    /// <summary>A number in plain decimal notation (Redis' "human" long double, as GEOPOS prints coordinates) in <see cref="CacheReply.Text"/>: RESP2 bulk string, RESP3 double.</summary>
    HumanDouble,
}
