using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>Runs a shard's commands against its keyspace; the caller holds the keyspace's gate and has set its clock.</summary>
public static class ShardExecutor
{
    public static CacheReply Execute(CacheKeyspace ks, ShardCommand command)
    {
        var a = command.Args;
        return command.Id switch
        {
            CommandId.Get => StringCommands.Get(ks, a),
            CommandId.Set => StringCommands.Set(ks, a),
            CommandId.GetDel => StringCommands.GetDel(ks, a),
            CommandId.GetEx => StringCommands.GetEx(ks, a),
            CommandId.GetSet => StringCommands.GetSet(ks, a),
            CommandId.MGet => StringCommands.MGet(ks, a),
            CommandId.MSet => StringCommands.MSet(ks, a),
            CommandId.MSetNx => StringCommands.MSetNx(ks, a),
            CommandId.SetNx => StringCommands.SetNx(ks, a),
            CommandId.SetEx => StringCommands.SetEx(ks, a, 1000),
            CommandId.PSetEx => StringCommands.SetEx(ks, a, 1),
            CommandId.Append => StringCommands.Append(ks, a),
            CommandId.StrLen => StringCommands.StrLen(ks, a),
            CommandId.GetRange => StringCommands.GetRange(ks, a),
            CommandId.SetRange => StringCommands.SetRange(ks, a),
            CommandId.Incr => StringCommands.IncrBy(ks, a[1], 1),
            CommandId.Decr => StringCommands.IncrBy(ks, a[1], -1),
            CommandId.IncrBy => StringCommands.IncrBy(ks, a, negate: false),
            CommandId.DecrBy => StringCommands.IncrBy(ks, a, negate: true),
            CommandId.IncrByFloat => StringCommands.IncrByFloat(ks, a),

            CommandId.Del or CommandId.Unlink => KeyCommands.Del(ks, a),
            CommandId.Exists => KeyCommands.Exists(ks, a),
            CommandId.Touch => KeyCommands.Touch(ks, a),
            CommandId.Expire => KeyCommands.Expire(ks, a, 1000, relative: true),
            CommandId.PExpire => KeyCommands.Expire(ks, a, 1, relative: true),
            CommandId.ExpireAt => KeyCommands.Expire(ks, a, 1000, relative: false),
            CommandId.PExpireAt => KeyCommands.Expire(ks, a, 1, relative: false),
            CommandId.Ttl => KeyCommands.Ttl(ks, a, milliseconds: false, absolute: false),
            CommandId.PTtl => KeyCommands.Ttl(ks, a, milliseconds: true, absolute: false),
            CommandId.ExpireTime => KeyCommands.Ttl(ks, a, milliseconds: false, absolute: true),
            CommandId.PExpireTime => KeyCommands.Ttl(ks, a, milliseconds: true, absolute: true),
            CommandId.Persist => KeyCommands.Persist(ks, a),
            CommandId.Type => KeyCommands.Type(ks, a),
            CommandId.Rename => KeyCommands.Rename(ks, a, nx: false),
            CommandId.RenameNx => KeyCommands.Rename(ks, a, nx: true),
            CommandId.Keys => KeyCommands.Keys(ks, a),
            CommandId.Scan => KeyCommands.Scan(ks, a),
            CommandId.DbSize => CacheReply.Int(ks.Count),
            CommandId.FlushDb or CommandId.FlushAll => KeyCommands.Flush(ks),
            CommandId.RandomKey => CacheReply.Bulk(ks.RandomEntry(volatileOnly: false)?.Key),

            CommandId.HSet => HashCommands.HSet(ks, a, multi: false),
            CommandId.HMSet => HashCommands.HSet(ks, a, multi: true),
            CommandId.HGet => HashCommands.HGet(ks, a),
            CommandId.HMGet => HashCommands.HMGet(ks, a),
            CommandId.HDel => HashCommands.HDel(ks, a),
            CommandId.HExists => HashCommands.HExists(ks, a),
            CommandId.HGetAll => HashCommands.HGetAll(ks, a),
            CommandId.HKeys => HashCommands.HKeys(ks, a),
            CommandId.HVals => HashCommands.HVals(ks, a),
            CommandId.HLen => HashCommands.HLen(ks, a),
            CommandId.HStrLen => HashCommands.HStrLen(ks, a),
            CommandId.HIncrBy => HashCommands.HIncrBy(ks, a),
            CommandId.HIncrByFloat => HashCommands.HIncrByFloat(ks, a),
            CommandId.HSetNx => HashCommands.HSetNx(ks, a),
            CommandId.HScan => HashCommands.HScan(ks, a),

            CommandId.ZAdd => SortedSetCommands.ZAdd(ks, a),
            CommandId.ZIncrBy => SortedSetCommands.ZIncrBy(ks, a),
            CommandId.ZRem => SortedSetCommands.ZRem(ks, a),
            CommandId.ZScore => SortedSetCommands.ZScore(ks, a),
            CommandId.ZMScore => SortedSetCommands.ZMScore(ks, a),
            CommandId.ZCard => SortedSetCommands.ZCard(ks, a),
            CommandId.ZCount => SortedSetCommands.ZCount(ks, a, lex: false),
            CommandId.ZLexCount => SortedSetCommands.ZCount(ks, a, lex: true),
            CommandId.ZRange => SortedSetRanges.Range(ks, a, RangeKind.Auto, reverse: false),
            CommandId.ZRevRange => SortedSetRanges.Range(ks, a, RangeKind.Rank, reverse: true),
            CommandId.ZRangeByScore => SortedSetRanges.Range(ks, a, RangeKind.Score, reverse: false),
            CommandId.ZRevRangeByScore => SortedSetRanges.Range(ks, a, RangeKind.Score, reverse: true),
            CommandId.ZRangeByLex => SortedSetRanges.Range(ks, a, RangeKind.Lex, reverse: false),
            CommandId.ZRevRangeByLex => SortedSetRanges.Range(ks, a, RangeKind.Lex, reverse: true),
            CommandId.ZRank => SortedSetCommands.ZRank(ks, a, reverse: false),
            CommandId.ZRevRank => SortedSetCommands.ZRank(ks, a, reverse: true),
            CommandId.ZPopMin => SortedSetCommands.ZPop(ks, a, max: false),
            CommandId.ZPopMax => SortedSetCommands.ZPop(ks, a, max: true),
            CommandId.ZScan => SortedSetCommands.ZScan(ks, a),
            _ => CacheReply.Error($"ERR unknown command '{Arg.Text(a[0])}'"),
        };
    }
}
