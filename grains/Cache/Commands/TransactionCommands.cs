using System.Globalization;
using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>
/// MULTI/EXEC on one shard: the queued commands run in one pass under the shard's gate, so no other command runs
/// between them, after the WATCHed keys are found untouched (see <see cref="CacheKeyspace.Watch"/>). As in Redis, a
/// command that fails does not stop the others, and nothing is rolled back. Scripts come in their internal form.
/// </summary>
public static class TransactionCommands
{
    /// <summary>WATCH of the keys on this shard: a token per key, "epoch:touches".</summary>
    public static CacheReply Watch(CacheKeyspace ks, byte[][] a)
    {
        var tokens = new CacheReply[a.Length - 1];
        for (var i = 1; i < a.Length; i++)
        {
            var (epoch, touches) = ks.Watch(a[i]);
            tokens[i - 1] = CacheReply.Bulk(string.Create(CultureInfo.InvariantCulture, $"{epoch}:{touches}"));
        }
        return CacheReply.Array(tokens);
    }

    /// <summary>Ends watches of the keys on this shard (UNWATCH, DISCARD, a refused EXEC, a closed connection).</summary>
    public static CacheReply Unwatch(CacheKeyspace ks, byte[][] a)
    {
        for (var i = 1; i < a.Length; i++) ks.Unwatch(a[i]);
        return CacheReply.Ok;
    }

    /// <summary>
    /// The internal form of EXEC sent to the shard: watch count, (key, version) per watch, then per command its
    /// argument count and arguments. Nil array when a watched key changed; otherwise each command's reply.
    /// </summary>
    public static CacheReply Exec(CacheKeyspace ks, byte[][] a, Diagnostics.SlowLogCaller? caller = null)
    {
        var i = 1;
        var watches = int.Parse(Arg.Text(a[i++]), CultureInfo.InvariantCulture);
        var unchanged = true;
        for (var w = 0; w < watches; w++, i += 2)
        {
            var token = Arg.Text(a[i + 1]).Split(':');
            unchanged &= ks.Unchanged(a[i], long.Parse(token[0], CultureInfo.InvariantCulture), long.Parse(token[1], CultureInfo.InvariantCulture));
            ks.Unwatch(a[i]);
        }
        if (!unchanged) return CacheReply.NilArray;
        var replies = new List<CacheReply>();
        while (i < a.Length)
        {
            var count = int.Parse(Arg.Text(a[i++]), CultureInfo.InvariantCulture);
            var args = a[i..(i + count)];
            i += count;
            var spec = CommandTable.Find(args[0]);
            // A script or function call comes in its internal form, which is named EVAL (ScriptCommands.Encode) or FCALL (FunctionCommands.Encode).
            var id = spec?.Id switch { CommandId.Eval => CommandId.EvalOnShard, CommandId.FCall => CommandId.FCallOnShard, var other => other };
            replies.Add(id is not { } known ? CacheReply.Error($"ERR unknown command '{Arg.Text(args[0])}'") : ShardExecutor.ExecuteTimed(ks, new ShardCommand(known, args), caller));
        }
        return CacheReply.Array([.. replies]);
    }

    /// <summary>Encodes <see cref="Exec"/>'s arguments.</summary>
    public static byte[][] Encode(IReadOnlyList<(byte[] Key, byte[] Token)> watches, IReadOnlyList<byte[][]> commands)
    {
        var args = new List<byte[]> { "EXEC"u8.ToArray(), Number(watches.Count) };
        foreach (var (key, token) in watches)
        {
            args.Add(key);
            args.Add(token);
        }
        foreach (var command in commands)
        {
            args.Add(Number(command.Length));
            args.AddRange(command);
        }
        return [.. args];
    }

    private static byte[] Number(int value) => CacheNumbers.ToBytes(value);
}
