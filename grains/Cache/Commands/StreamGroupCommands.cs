using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Streams.StreamValue>;

namespace DataTier.Cache.Commands;

/// <summary>XGROUP's subcommands and XACK, on the key's shard (the session has checked the subcommand and its arity).</summary>
public static class StreamGroupCommands
{
    public static CacheReply Group(CacheKeyspace ks, byte[][] a)
    {
        var create = Arg.Is(a[1], "create");
        var setId = Arg.Is(a[1], "setid");
        var makeStream = false;
        var entriesRead = StreamGroup.Unknown;
        if (create || setId)
        {
            for (var i = 5; i < a.Length; i++)
            {
                if (create && Arg.Is(a[i], "mkstream"))
                {
                    makeStream = true;
                }
                else if (Arg.Is(a[i], "entriesread") && i + 1 < a.Length)
                {
                    if (!CacheNumbers.TryParseLong(a[++i], out entriesRead)) return CacheErrors.NotInteger;
                    if (entriesRead < 0 && entriesRead != StreamGroup.Unknown) return CacheReply.Error("ERR value for ENTRIESREAD must be positive or -1");
                }
                else
                {
                    return StreamSubcommands.Unknown(a[1], "XGROUP");
                }
            }
        }
        // As in Redis, the options are read before the key's type is checked.
        var stream = Lookup.Find(ks, a[2], true, out var entry, out var error);
        if (error is not null) return error;
        if (stream is null && !(create && makeStream))
            return CacheReply.Error("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.");
        if (create) return Create(ks, a, stream, entry, entriesRead);
        if (Arg.Is(a[1], "destroy"))
        {
            if (!stream!.RemoveGroup(a[3])) return CacheReply.Zero;
            ks.GroupGone(a[2], a[3]);
            ks.Resize(entry!);
            ks.StreamEvent("xgroup-destroy", a[2]);
            return CacheReply.One;
        }
        if (!stream!.Groups.TryGetValue(a[3], out var group))
            return StreamErrors.NoGroupForKey(a[3], a[2]);
        CacheReply reply;
        if (setId)
        {
            if (ParseGroupId(a[4], stream, out var id) is { } invalid) return invalid;
            group.LastDelivered = id;
            group.EntriesRead = entriesRead;
            reply = CacheReply.Ok;
            ks.StreamEvent("xgroup-setid", a[2]);
        }
        else if (Arg.Is(a[1], "createconsumer"))
        {
            group.Consumer(a[4], ks.Now, out var created);
            reply = created ? CacheReply.One : CacheReply.Zero;
            if (created) ks.StreamEvent("xgroup-createconsumer", a[2]);
        }
        else
        {
            var existed = group.Consumers.ContainsKey(a[4]);
            reply = CacheReply.Int(DeleteConsumer(group, a[4]));
            if (existed) ks.StreamEvent("xgroup-delconsumer", a[2]);
        }
        ks.Resize(entry!);
        return reply;
    }

    private static CacheReply Create(CacheKeyspace ks, byte[][] a, StreamValue? stream, CacheEntry? entry, long entriesRead)
    {
        if (ParseGroupId(a[4], stream, out var id) is { } invalid) return invalid;
        if (stream is not null && stream.Groups.ContainsKey(a[3])) return StreamErrors.BusyGroup;
        if (stream is null) stream = Lookup.Create(ks, a[2], out entry);
        stream.AddGroup(new StreamGroup(a[3], id, entriesRead));
        ks.Resize(entry!);
        ks.StreamEvent("xgroup-create", a[2]);
        return CacheReply.Ok;
    }

    /// <summary>A group's ID: <c>$</c> for the stream's last ID, or any ID (<c>-</c> and <c>+</c> too).</summary>
    private static CacheReply? ParseGroupId(byte[] arg, StreamValue? stream, out StreamEntryId id)
    {
        id = StreamEntryId.Zero;
        if (Arg.Is(arg, "$"))
        {
            id = stream?.LastId ?? StreamEntryId.Zero;
            return null;
        }
        return StreamEntryId.TryParse(arg, 0, special: true, out id) ? null : StreamErrors.InvalidId;
    }

    private static long DeleteConsumer(StreamGroup group, byte[] name)
    {
        if (!group.Consumers.Remove(name, out var consumer)) return 0;
        foreach (var id in consumer.Pending) group.Pending.Remove(id);
        return consumer.Pending.Count;
    }

    /// <summary>XACK key group id [id ...]: how many of the IDs were pending and are no more.</summary>
    public static CacheReply Acknowledge(CacheKeyspace ks, byte[][] a)
    {
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        var ids = new StreamEntryId[a.Length - 3];
        for (var i = 3; i < a.Length; i++)
            if (!StreamEntryId.TryParse(a[i], 0, special: false, out ids[i - 3])) return StreamErrors.InvalidId;
        if (stream is null || !stream.Groups.TryGetValue(a[2], out var group)) return CacheReply.Zero;
        var acknowledged = ids.Count(group.Acknowledge);
        if (acknowledged > 0) ks.Resize(entry!);
        return CacheReply.Int(acknowledged);
    }
}
