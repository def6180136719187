namespace DataTier.Cache.Notifications;

/// <summary>The classes of keyspace notifications, as Redis' notify-keyspace-events characters name them.</summary>
[Flags]
public enum KeyspaceEventTypes
{
    None = 0,
    /// <summary>K: publish on <c>__keyspace@0__:key</c>.</summary>
    Keyspace = 1 << 0,
    /// <summary>E: publish on <c>__keyevent@0__:event</c>.</summary>
    Keyevent = 1 << 1,
    /// <summary>g: DEL, EXPIRE, RENAME and the other commands on any type.</summary>
    Generic = 1 << 2,
    /// <summary>$</summary>
    String = 1 << 3,
    /// <summary>l</summary>
    List = 1 << 4,
    /// <summary>s</summary>
    Set = 1 << 5,
    /// <summary>h</summary>
    Hash = 1 << 6,
    /// <summary>z</summary>
    SortedSet = 1 << 7,
    /// <summary>x: a key removed because it expired.</summary>
    Expired = 1 << 8,
    /// <summary>e: a key removed by eviction.</summary>
    Evicted = 1 << 9,
    /// <summary>t</summary>
    Stream = 1 << 10,
    /// <summary>m: a read of an absent key (not in A).</summary>
    KeyMiss = 1 << 11,
    /// <summary>d: module events (no modules here; accepted as Redis accepts it).</summary>
    Module = 1 << 12,
    /// <summary>n: a key added (not in A).</summary>
    New = 1 << 13,

    /// <summary>A: every class but m and n.</summary>
    All = Generic | String | List | Set | Hash | SortedSet | Expired | Evicted | Stream | Module,
}
