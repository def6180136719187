namespace DataTier.Cache.Notifications;

/// <summary>The class of the events raised where a value arrives whole (stores across shards, COPY, RENAME), by event name.</summary>
public static class KeyspaceEventNames
{
    public static KeyspaceEventTypes TypeOf(string name) => name switch
    {
        "sinterstore" or "sunionstore" or "sdiffstore" => KeyspaceEventTypes.Set,
        "zunionstore" or "zinterstore" or "zdiffstore" or "zrangestore" or "geosearchstore" or "georadiusstore" => KeyspaceEventTypes.SortedSet,
        "sortstore" => KeyspaceEventTypes.List,
        "set" or "pfadd" => KeyspaceEventTypes.String,
        _ => KeyspaceEventTypes.Generic,
    };
}
