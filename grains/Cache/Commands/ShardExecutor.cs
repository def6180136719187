using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>Runs a shard's commands against its keyspace; the caller holds the keyspace's gate and has set its clock.</summary>
public static class ShardExecutor
{
    /// <summary>
    /// Runs the command, timing it for the command statistics and the slow log when it is a client's (it names its
    /// caller; EXEC's commands are timed one by one, the internal steps of other commands not at all).
    /// </summary>
    public static CacheReply ExecuteTimed(CacheKeyspace ks, ShardCommand command, Diagnostics.SlowLogCaller? caller)
    {
        var origin = command.Origin;
        if (caller is null && origin is null) return Execute(ks, command);
        var (outer, outerSerial) = (ks.Origin, ks.Serial);
        ks.Origin = origin ?? outer;
        // A transaction's commands run under its serial.
        ks.Serial = command.Serial != 0 ? command.Serial : outerSerial;
        try
        {
            if (caller is null) return Execute(ks, command);
            if (command.Id == CommandId.ExecOnShard) return TransactionCommands.Exec(ks, command.Args, caller);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var reply = Execute(ks, command);
            var elapsed = System.Diagnostics.Stopwatch.GetTimestamp() - started;
            if (ks.Timings is { } timings && CommandTable.ById(command.Id) is { } spec) timings.Ran(spec, command.Args, elapsed, reply, caller);
            return reply;
        }
        finally
        {
            ks.Origin = outer;
            ks.Serial = outerSerial;
        }
    }

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
            CommandId.SetBit => BitmapCommands.SetBit(ks, a),
            CommandId.GetBit => BitmapCommands.GetBit(ks, a),
            CommandId.BitCount => BitmapCommands.Count(ks, a),
            CommandId.BitPos => BitmapCommands.Position(ks, a),
            CommandId.BitOp => BitmapCommands.Operation(ks, a),
            CommandId.BitField => BitfieldCommands.Run(ks, a, readOnlyCommand: false),
            CommandId.BitFieldRo => BitfieldCommands.Run(ks, a, readOnlyCommand: true),
            CommandId.PfAdd => HyperLogLogCommands.Add(ks, a),
            CommandId.PfCount => HyperLogLogCommands.Count(ks, a),
            CommandId.PfMerge => HyperLogLogCommands.Merge(ks, a),

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
            CommandId.FlushDb or CommandId.FlushAll => KeyCommands.Flush(ks, a),
            CommandId.KeysInSlot => SlotCommands.KeysInSlot(ks, a),
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
            CommandId.ZRemRangeByRank => SortedSetRemovals.ByRank(ks, a),
            CommandId.ZRemRangeByScore => SortedSetRemovals.ByScore(ks, a),
            CommandId.ZRemRangeByLex => SortedSetRemovals.ByLex(ks, a),
            CommandId.ZRandMember => SortedSetRandom.Members(ks, a),
            CommandId.ZRangeStore => SortedSetRanges.RangeStore(ks, a),
            CommandId.ZRangeForStore => SortedSetRanges.RangeForStore(ks, a),
            CommandId.ZUnion or CommandId.ZInter or CommandId.ZDiff or CommandId.ZUnionStore or CommandId.ZInterStore or CommandId.ZDiffStore
                or CommandId.ZInterCard => SortedSetOperations.Run(ks, command.Id, a),
            CommandId.SortedSetPopOrAwait => SortedSetPops.PopOrAwait(ks, a),
            CommandId.ZMPop or CommandId.BZPopMin or CommandId.BZPopMax or CommandId.BZMPop => SortedSetPops.PopOnOneShard(ks, command.Id, a),

            CommandId.GeoAdd => GeoCommands.Add(ks, a),
            CommandId.GeoDist => GeoCommands.Distance(ks, a),
            CommandId.GeoHash => GeoCommands.Hash(ks, a),
            CommandId.GeoPos => GeoCommands.Position(ks, a),
            CommandId.GeoRadius or CommandId.GeoRadiusRo or CommandId.GeoRadiusByMember or CommandId.GeoRadiusByMemberRo
                or CommandId.GeoSearch or CommandId.GeoSearchStore => GeoSearchCommands.Search(ks, a, Geo.GeoSearchRequest.FormOf(command.Id)),
            CommandId.GeoSearchForStore => GeoSearchCommands.SearchForStore(ks, a),

            CommandId.LPush => ListCommands.Push(ks, a, left: true, onlyIfExists: false),
            CommandId.RPush => ListCommands.Push(ks, a, left: false, onlyIfExists: false),
            CommandId.LPushX => ListCommands.Push(ks, a, left: true, onlyIfExists: true),
            CommandId.RPushX => ListCommands.Push(ks, a, left: false, onlyIfExists: true),
            CommandId.LPop => ListCommands.Pop(ks, a, left: true),
            CommandId.RPop => ListCommands.Pop(ks, a, left: false),
            CommandId.LLen => ListCommands.Length(ks, a),
            CommandId.LRange => ListCommands.Range(ks, a),
            CommandId.LIndex => ListCommands.Index(ks, a),
            CommandId.LSet => ListCommands.Set(ks, a),
            CommandId.LTrim => ListCommands.Trim(ks, a),
            CommandId.LRem => ListCommands.Remove(ks, a),
            CommandId.LInsert => ListCommands.Insert(ks, a),
            CommandId.LPos => ListCommands.Position(ks, a),
            CommandId.LMove or CommandId.RPopLPush => ListCommands.Move(ks, a),
            CommandId.ListPopOrAwait => ListCommands.PopOrAwait(ks, a),
            CommandId.ListMoveOrAwait => ListCommands.MoveOrAwait(ks, a),
            CommandId.LeaveLine => WaitLineCommands.Leave(ks, a),
            CommandId.RenameFrom => KeyCommands.RenameFrom(ks, a),
            CommandId.MemoryUsage => ks.Find(a[1]) is { } measured ? CacheReply.Int(measured.Size) : CacheReply.Nil,

            CommandId.SAdd => SetCommands.Add(ks, a),
            CommandId.SRem => SetCommands.Remove(ks, a),
            CommandId.SIsMember => SetCommands.IsMember(ks, a),
            CommandId.SMIsMember => SetCommands.AreMembers(ks, a),
            CommandId.SMembers => SetCommands.Members(ks, a),
            CommandId.SCard => SetCommands.Cardinality(ks, a),
            CommandId.SPop => SetCommands.Pop(ks, a),
            CommandId.SRandMember => SetCommands.RandomMembers(ks, a),
            CommandId.SScan => SetCommands.Scan(ks, a),
            CommandId.SMove => SetCommands.Move(ks, a),
            CommandId.SInter => SetCommands.Combine(ks, a, SetOperation.Inter, store: false),
            CommandId.SUnion => SetCommands.Combine(ks, a, SetOperation.Union, store: false),
            CommandId.SDiff => SetCommands.Combine(ks, a, SetOperation.Diff, store: false),
            CommandId.SInterStore => SetCommands.Combine(ks, a, SetOperation.Inter, store: true),
            CommandId.SUnionStore => SetCommands.Combine(ks, a, SetOperation.Union, store: true),
            CommandId.SDiffStore => SetCommands.Combine(ks, a, SetOperation.Diff, store: true),
            CommandId.SInterCard => SetCommands.IntersectionCardinality(ks, a),

            CommandId.XAdd => StreamCommands.Add(ks, a),
            CommandId.XLen => StreamCommands.Length(ks, a),
            CommandId.XRange => StreamCommands.Range(ks, a, reverse: false),
            CommandId.XRevRange => StreamCommands.Range(ks, a, reverse: true),
            CommandId.XDel => StreamCommands.Delete(ks, a),
            CommandId.XTrim => StreamCommands.Trim(ks, a),
            CommandId.XSetId => StreamCommands.SetId(ks, a),
            CommandId.StreamReadOrAwait => StreamReads.ReadOrAwait(ks, a),
            CommandId.StreamReadGroupOrAwait => StreamGroupReads.ReadOrAwait(ks, a),
            CommandId.XGroup => StreamSubcommands.Check(a, group: true) ?? StreamGroupCommands.Group(ks, a),
            CommandId.XRead => StreamReadsOnOneShard.Read(ks, a, group: false),
            CommandId.LMPop or CommandId.BLPop or CommandId.BRPop or CommandId.BLMove or CommandId.BRPopLPush or CommandId.BLMPop =>
                ListPopsOnOneShard.Pop(ks, command.Id, a),
            CommandId.XReadGroup => StreamReadsOnOneShard.Read(ks, a, group: true),
            CommandId.XAck => StreamGroupCommands.Acknowledge(ks, a),
            CommandId.XPending => StreamPending.Pending(ks, a),
            CommandId.XClaim => StreamClaims.Claim(ks, a),
            CommandId.XAutoClaim => StreamClaims.AutoClaim(ks, a),
            CommandId.XInfo => StreamSubcommands.Check(a, group: false) ?? StreamInfo.Info(ks, a),

            CommandId.ExecOnShard => TransactionCommands.Exec(ks, a),
            CommandId.EvalOnShard => ScriptCommands.Eval(ks, a),
            CommandId.FCallOnShard => FunctionCommands.Call(ks, a),
            CommandId.WatchOnShard => TransactionCommands.Watch(ks, a),
            CommandId.UnwatchOnShard => TransactionCommands.Unwatch(ks, a),

            CommandId.McGet => MemcachedCommands.Get(ks, a),
            CommandId.McStore => MemcachedCommands.Store(ks, a),
            CommandId.McIncr => MemcachedCommands.Incr(ks, a),
            CommandId.McTouch => MemcachedCommands.Touch(ks, a),
            CommandId.McDelete => MemcachedCommands.Delete(ks, a),
            CommandId.McSlabs => MemcachedItemTally.Tally(ks),

            CommandId.HRandField => HashRandom.Fields(ks, a),
            CommandId.Copy => CopyCommands.Copy(ks, a),
            CommandId.Object => ObjectCommands.Run(ks, a),
            CommandId.Lcs => LcsCommand.Run(ks, a),
            CommandId.Dump => DumpCommands.Dump(ks, a),
            CommandId.Restore => DumpCommands.Restore(ks, a),
            CommandId.Sort or CommandId.SortRo => SortCommand.Run(ks, a),
            CommandId.SortElements => SortCommand.Elements(ks, a),
            CommandId.SortPatternValues => SortCommand.PatternValues(ks, a),
            _ => CacheReply.Error($"ERR unknown command '{Arg.Text(a[0])}'"),
        };
    }
}
