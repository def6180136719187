using DataTier.Cache.Blocking;
using DataTier.Cache.Commands;

namespace DataTier.Cache.Streams;

/// <summary>
/// One parsed XREAD or XREADGROUP: keys and IDs, COUNT (0: all), BLOCK (null: none), and the group's part. Read key by
/// key, each on its shard (<see cref="ReadOnShard"/>): by the session across shards, or all at once on one shard inside
/// MULTI and scripts.
/// </summary>
public sealed record StreamReadRequest(byte[][] Keys, byte[][] Ids, long Count, long? BlockMs, byte[]? Group, byte[]? Consumer, bool NoAck)
{
    /// <summary>XREAD [COUNT count] [BLOCK ms] STREAMS key ... id ..., and XREADGROUP GROUP group consumer [COUNT count] [BLOCK ms] [NOACK] STREAMS ....</summary>
    public static CacheReply? TryParse(byte[][] a, bool group, out StreamReadRequest read)
    {
        read = null!;
        long count = 0;
        long? block = null;
        byte[]? groupName = null, consumer = null;
        var noAck = false;
        var streamsAt = 0;
        for (var i = 1; i < a.Length; i++)
        {
            var more = a.Length - 1 - i;
            if (Arg.Is(a[i], "block") && more >= 1)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out var ms)) return CacheReply.Error("ERR timeout is not an integer or out of range");
                if (ms < 0) return CacheReply.Error("ERR timeout is negative");
                block = ms;
            }
            else if (Arg.Is(a[i], "count") && more >= 1)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out count)) return CacheErrors.NotInteger;
                if (count < 0) count = 0;
            }
            else if (Arg.Is(a[i], "streams") && more >= 1)
            {
                streamsAt = i + 1;
                if ((a.Length - streamsAt) % 2 != 0)
                    return CacheReply.Error("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
                break;
            }
            else if (group && Arg.Is(a[i], "group") && more >= 2)
            {
                groupName = a[++i];
                consumer = a[++i];
            }
            else if (group && Arg.Is(a[i], "noack"))
            {
                noAck = true;
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        if (streamsAt == 0) return CacheErrors.Syntax;
        if (group && groupName is null) return CacheReply.Error("ERR Missing GROUP option for XREADGROUP");
        var keyCount = (a.Length - streamsAt) / 2;
        var ids = a[(streamsAt + keyCount)..];
        read = new StreamReadRequest(a[streamsAt..(streamsAt + keyCount)], ids, count, block, groupName, consumer, noAck);
        return null;
    }

    /// <summary>
    /// The error of ID <paramref name="index"/>, or null. Redis checks the keys in order, each key's type (and group)
    /// before its ID, so the caller checks these after the key's <see cref="CheckKeyOnShard"/>.
    /// </summary>
    public CacheReply? CheckId(int index)
    {
        var id = Ids[index];
        if (Arg.Is(id, "$"))
            return Group is null ? null : CacheReply.Error("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.");
        if (Arg.Is(id, ">"))
            return Group is not null ? null : CacheReply.Error("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.");
        return StreamEntryId.TryParse(id, 0, special: false, out _) ? null : StreamErrors.InvalidId;
    }

    /// <summary>Whether every ID is one the shards can read from.</summary>
    private bool IdsAreValid => Enumerable.Range(0, Ids.Length).All(i => CheckId(i) is null);

    /// <summary>
    /// Whether the keys must be checked one by one (<see cref="CheckKeyOnShard"/>, then <see cref="CheckId"/>) before
    /// any is read: when an ID is bad (its error comes after the earlier keys' and its own key's), and for a group read
    /// over several keys (the first key's WRONGTYPE or NOGROUP comes before any consumer is touched).
    /// </summary>
    public bool ChecksKeysFirst => !IdsAreValid || (Group is not null && Keys.Length > 1);

    /// <summary>The check of key <paramref name="index"/>'s type (and group) on its shard: an error, or a reply that reads nothing.</summary>
    public ShardCommand CheckKeyOnShard(int index) => Group is null ? ReadOnShard(index, "$"u8.ToArray(), 0) : CheckGroupOnShard(index);

    /// <summary>
    /// The read of key <paramref name="index"/> on its shard, from <paramref name="id"/>, waiting until
    /// <paramref name="waitUntil"/> (Unix ms; 0: no wait); a blocking group read gives its ticket, to be served in turn.
    /// </summary>
    public ShardCommand ReadOnShard(int index, byte[] id, long waitUntil, WaitTicket? ticket = null)
    {
        var until = CacheNumbers.ToBytes(waitUntil);
        var count = CacheNumbers.ToBytes(Count);
        if (Group is null) return new ShardCommand(CommandId.StreamReadOrAwait, ["XREAD"u8.ToArray(), Keys[index], id, count, until]);
        var noAck = NoAck ? "1"u8.ToArray() : "0"u8.ToArray();
        return new ShardCommand(CommandId.StreamReadGroupOrAwait, ticket is null
            ? ["XREADGROUP"u8.ToArray(), Keys[index], Group, Consumer!, id, count, noAck, until]
            : ["XREADGROUP"u8.ToArray(), Keys[index], Group, Consumer!, id, count, noAck, until, ticket.Arg]);
    }

    private ShardCommand CheckGroupOnShard(int index) => new(CommandId.StreamReadGroupOrAwait,
        ["XREADGROUP"u8.ToArray(), Keys[index], Group!, Consumer!, ">"u8.ToArray(), "-1"u8.ToArray(), "0"u8.ToArray(), "0"u8.ToArray()]);
}
