using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Memcached;

/// <summary>
/// One memcached text-protocol connection: reads command lines (and the data blocks of storage
/// commands), runs them on the cache shards through the router, and writes memcached's replies.
/// Commands pipelined in one read are answered with one flush.
/// </summary>
public sealed partial class MemcachedSession(PipeReader input, PipeWriter output, CacheRouter router, MemcachedStats stats,
    TimeProvider time, MemcachedEndpointOptions options)
{
    private const int MaxLine = 8192;
    private const int MaxKeyLength = 250;

    private bool _quit;

    /// <summary>A parsed command: its words, its data block (storage commands), or a reply to send as it is (a malformed line).</summary>
    private sealed record Pending(string[] Parts, byte[]? Data, string? Immediate);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = new List<Pending>();
        while (!_quit)
        {
            var read = await input.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            pending.Clear();
            while (TryTakeCommand(ref buffer, pending))
            {
            }
            stats.Transferred(read.Buffer.Length - buffer.Length, 0);
            input.AdvanceTo(buffer.Start, buffer.End);
            foreach (var command in pending)
            {
                if (_quit) break;
                if (command.Immediate is not null) Write(command.Immediate);
                else if (command.Data is not null) Store(command.Parts, command.Data);
                else await DispatchAsync(command.Parts[0], command.Parts);
            }
            await DrainAsync();
            if (pending.Count > 0) await MemcachedServerCommands.FlushAsync(output, stats, cancellationToken);
            if (read.IsCompleted) break;
        }
    }

    /// <summary>Takes the next complete command off the buffer; false when more bytes are needed.</summary>
    private bool TryTakeCommand(ref ReadOnlySequence<byte> buffer, List<Pending> pending)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> lineBytes, (byte)'\n'))
        {
            if (buffer.Length > MaxLine)
            {
                pending.Add(new Pending([], null, "CLIENT_ERROR line too long\r\n"));
                pending.Add(new Pending(["quit"], null, null));
                buffer = buffer.Slice(buffer.End);
            }
            return false;
        }
        var line = Encoding.ASCII.GetString(lineBytes).TrimEnd('\r');
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            pending.Add(new Pending([], null, "ERROR\r\n"));
            buffer = buffer.Slice(reader.Position);
            return true;
        }
        var command = parts[0];
        if (command is "set" or "add" or "replace" or "append" or "prepend" or "cas")
        {
            if (!TryStorageHeader(parts, out var bytes, out var badLine))
            {
                pending.Add(new Pending(parts, null, badLine));
                buffer = buffer.Slice(reader.Position);
                return true;
            }
            if (reader.Remaining < bytes + 2) return false;
            var data = reader.UnreadSequence.Slice(0, bytes).ToArray();
            reader.Advance(bytes);
            // As memcached does, the two bytes after the data are taken whatever they are.
            var terminated = reader.IsNext("\r\n"u8);
            reader.Advance(2);
            buffer = buffer.Slice(reader.Position);
            pending.Add(terminated ? new Pending(parts, data, null) : new Pending(parts, null, "CLIENT_ERROR bad data chunk\r\n"));
            return true;
        }
        buffer = buffer.Slice(reader.Position);
        pending.Add(new Pending(parts, null, null));
        return true;
    }

    private async Task DispatchAsync(string command, string[] parts)
    {
        switch (command)
        {
            case "get" or "gets" when parts.Length > 1:
                Retrieve(parts, 1, withCas: command == "gets", expiry: null);
                break;
            case "gat" or "gats" when parts.Length > 2 && TryExpiry(parts[1], out var expiry):
                Retrieve(parts, 2, withCas: command == "gats", expiry);
                break;
            case "delete" when parts.Length is 2 or 3 && (parts.Length == 2 || parts[2] is "noreply" or "0"):
                Queue(CommandId.McDelete, ["mcdelete", parts[1], "0"], reply =>
                {
                    ThrowIfShardFailed(reply);
                    var deleted = reply.Text == "DELETED";
                    stats.Deleted(deleted);
                    Reply(parts, deleted ? "DELETED" : "NOT_FOUND");
                });
                break;
            case "delete":
                Write("CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]\r\n");
                break;
            case "incr" or "decr" when parts.Length is 3 or 4 && ValidKey(parts[1]):
                Arithmetic(parts, command == "decr");
                break;
            case "touch" when parts.Length is 3 or 4 && ValidKey(parts[1]) && TryExpiry(parts[2], out var touchExpiry):
                Queue(CommandId.McTouch, ["touch", parts[1], touchExpiry.ToString(CultureInfo.InvariantCulture)], reply =>
                {
                    ThrowIfShardFailed(reply);
                    stats.Retrieved(touch: true, hit: reply.Text == "TOUCHED");
                    Reply(parts, reply.Text!);
                });
                break;
            case "flush_all":
                await FlushAllAsync(parts);
                break;
            case "version":
                Write($"VERSION {MemcachedServerCommands.Version}\r\n");
                break;
            case "verbosity" when parts.Length == 2 || (parts.Length == 3 && parts[2] == "noreply"):
                ReplyInTurn(parts, "OK");
                break;
            case "stats" when parts.Length == 1:
                await DrainAsync();
                WriteStats(await MemcachedServerCommands.StatsAsync(router, stats, time, options));
                break;
            case "stats" when parts.Length == 2 && parts[1] == "settings":
                WriteStats(MemcachedServerCommands.Settings(stats, options));
                break;
            case "stats" when parts.Length == 2 && parts[1] == "items":
                await DrainAsync();
                WriteStats(await MemcachedSlabStats.ItemsAsync(router, time));
                break;
            case "stats" when parts.Length == 2 && parts[1] == "slabs":
                await DrainAsync();
                WriteStats(await MemcachedSlabStats.SlabsAsync(router));
                break;
            case "quit":
                _quit = true;
                break;
            default:
                Write("ERROR\r\n");
                break;
        }
    }

    /// <summary>get, gets, gat and gats: one queued lookup per key (from <paramref name="first"/>), then END.</summary>
    private void Retrieve(string[] parts, int first, bool withCas, long? expiry)
    {
        for (var i = first; i < parts.Length; i++)
        {
            if (!ValidKey(parts[i]))
            {
                Write("CLIENT_ERROR bad command line format\r\n");
                return;
            }
        }
        var touch = expiry is not null;
        for (var i = first; i < parts.Length; i++)
        {
            var key = parts[i];
            string[] args = expiry is { } e ? ["gat", key, e.ToString(CultureInfo.InvariantCulture)] : ["get", key];
            Queue(CommandId.McGet, args, reply =>
            {
                ThrowIfShardFailed(reply);
                stats.Retrieved(touch, hit: reply.Kind == ReplyKind.Array);
                if (reply.Kind != ReplyKind.Array) return;
                var value = reply.Items![0].Bytes!;
                WriteNow($"VALUE {key} {reply.Items[1].Integer} {value.Length}{(withCas ? " " + (ulong)reply.Items[2].Integer : "")}\r\n");
                output.Write(value);
                WriteNow("\r\n");
            });
        }
        Write("END\r\n");
    }

    /// <summary>
    /// get, delete and touch have no error replies of their own: an error is their shard's failure (its silo lost), which
    /// closes the connection, as before batching, since a miss or NOT_FOUND would be a wrong answer.
    /// </summary>
    private static void ThrowIfShardFailed(CacheReply reply)
    {
        if (reply.IsError) throw new InvalidOperationException(reply.Text);
    }

    private void Arithmetic(string[] parts, bool decrement)
    {
        if (!ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            Write("CLIENT_ERROR invalid numeric delta argument\r\n");
            return;
        }
        string[] args = decrement ? ["incr", parts[1], parts[2], "decr"] : ["incr", parts[1], parts[2]];
        Queue(CommandId.McIncr, args, reply =>
        {
            // A value that is not a number is neither a hit nor a miss, as in memcached.
            if (reply.Kind == ReplyKind.Bulk || reply.Text == "NOT_FOUND") stats.Counted(decrement, hit: reply.Kind == ReplyKind.Bulk);
            if (reply.Kind == ReplyKind.Bulk && reply.Integer == 1) stats.Created();
            if (reply.IsError) Reply(parts, reply.Text!, always: true);
            else Reply(parts, reply.Kind == ReplyKind.Bulk ? Encoding.ASCII.GetString(reply.Bytes!) : reply.Text!);
        });
    }

    private async Task FlushAllAsync(string[] parts)
    {
        var delay = parts.Length > 1 && parts[1] != "noreply" && long.TryParse(parts[1], out var seconds) ? seconds : 0;
        Interlocked.Increment(ref stats.CmdFlush);
        await DrainAsync();
        await MemcachedServerCommands.FlushAllAsync(router, delay);
        ReplyInTurn(parts, "OK");
    }

    private void WriteStats(List<(string Name, string Value)> group)
    {
        foreach (var (name, value) in group) Write($"STAT {name} {value}\r\n");
        Write("END\r\n");
    }

    /// <summary>memcached's exptime as the shard's absolute milliseconds: 0 never, -1 already expired.</summary>
    private bool TryExpiry(string text, out long expiresAt)
    {
        expiresAt = 0;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)) return false;
        expiresAt = MemcachedExpiry.ToAbsoluteMs(seconds, time.GetUtcNow());
        return true;
    }

    private static bool ValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && key.All(c => c > ' ' && c != 127);

    /// <summary>Writes a queued command's reply word (when it has no noreply), as its turn comes in <see cref="DrainAsync"/>.</summary>
    private void Reply(string[] parts, string word, bool always = false)
    {
        if (!always && NoReply(parts)) return;
        WriteNow(word + "\r\n");
    }

    /// <summary>A reply word (when the command has no noreply) known at once, written after the replies queued before it.</summary>
    private void ReplyInTurn(string[] parts, string word)
    {
        if (!NoReply(parts)) Write(word + "\r\n");
    }

    private static bool NoReply(string[] parts) => parts[^1] == "noreply";

    private void WriteNow(string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
