using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>Puts back together the replies of a multi-key command that was split by shard (MGET in key order, counts summed, MSET's OK).</summary>
public sealed class MultiKeyJoin(int slot, CommandId id, int parts, int keys)
{
    private readonly CacheReply[] _replies = new CacheReply[parts];
    private readonly int[][] _positions = new int[parts][];

    public int Slot => slot;

    public void SetPositions(int part, int[] positions) => _positions[part] = positions;

    public void SetReply(int part, CacheReply reply) => _replies[part] = reply;

    public CacheReply Combine()
    {
        foreach (var r in _replies)
            if (r is null || r.IsError) return r ?? CacheReply.Error("ERR shard did not reply");
        switch (id)
        {
            case CommandId.MGet:
                var values = new CacheReply[keys];
                for (var p = 0; p < _replies.Length; p++)
                {
                    var items = _replies[p].Items!;
                    for (var j = 0; j < items.Length; j++) values[_positions[p][j]] = items[j];
                }
                return CacheReply.Array(values);
            case CommandId.MSet:
                return CacheReply.Ok;
            default:
                long sum = 0;
                foreach (var r in _replies) sum += r.Integer;
                return CacheReply.Int(sum);
        }
    }
}
