using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Memcached.Binary;

/// <summary>The binary protocol's item commands, each one shard command on the key's shard (the text protocol's, with CAS uniques in their answers).</summary>
public sealed partial class MemcachedBinarySession
{
    /// <summary>GET, GETK, GAT, GATK (and their quiet forms, silent on a miss) and TOUCH: the item's flags, and its value but for TOUCH.</summary>
    private async Task RetrieveAsync(BinaryRequest r, BinaryOpcode op)
    {
        var touches = op is BinaryOpcode.Touch or BinaryOpcode.Gat or BinaryOpcode.GatQ or BinaryOpcode.GatK or BinaryOpcode.GatKQ;
        byte[][] args = touches ? ["gat"u8.ToArray(), r.Key, Number(ExpiresAt(r.ExtrasUInt32(0)))] : ["get"u8.ToArray(), r.Key];
        var reply = await Run(r.Key, CommandId.McGet, args);
        stats.Retrieved(touches, hit: reply.Kind == ReplyKind.Array);
        if (reply.Kind != ReplyKind.Array)
        {
            if (!IsQuiet(op)) Error(r, BinaryStatus.KeyNotFound);
            return;
        }
        Span<byte> flags = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(flags, (uint)reply.Items![1].Integer);
        var withKey = op is BinaryOpcode.GetK or BinaryOpcode.GetKQ or BinaryOpcode.GatK or BinaryOpcode.GatKQ;
        Respond(r, BinaryStatus.Success, (ulong)reply.Items[2].Integer, flags, withKey ? r.Key : default,
            op == BinaryOpcode.Touch ? default : reply.Items[0].Bytes);
    }

    /// <summary>SET, ADD, REPLACE (a CAS in the header makes any of them a check-and-set), APPEND and PREPEND, and their quiet forms.</summary>
    private async Task StoreAsync(BinaryRequest r, BinaryOpcode op)
    {
        if (r.Value.Length > options.MaxValueBytes)
        {
            // memcached refuses it from the header, before the command is counted: no set, and no store_too_large either.
            await RefuseTooLargeAsync(r, op);
            return;
        }
        var mode = BaseMode(op);
        var concatenates = mode is "append" or "prepend";
        if (!concatenates && r.Cas != 0) mode = "cas";
        var flags = concatenates ? 0 : r.ExtrasUInt32(0);
        var expiresAt = concatenates ? 0 : ExpiresAt(r.ExtrasUInt32(4));
        var reply = await Run(r.Key, CommandId.McStore,
            ["mcstore"u8.ToArray(), r.Key, Encoding.ASCII.GetBytes(mode), Number(flags), Number(expiresAt), r.Value, Number((decimal)r.Cas), "cas"u8.ToArray()]);
        stats.Stored(mode == "cas", reply.Kind == ReplyKind.Integer ? StoreOutcome.Stored : reply.Text switch
        {
            "EXISTS" => StoreOutcome.Exists,
            "NOT_FOUND" => StoreOutcome.NotFound,
            _ => StoreOutcome.NotStored,
        });
        if (reply.Kind == ReplyKind.Integer)
        {
            Succeeded(r, op, (ulong)reply.Integer);
            return;
        }
        Error(r, reply.IsError ? BinaryStatus.OutOfMemory : reply.Text switch
        {
            "EXISTS" => BinaryStatus.KeyExists,
            "NOT_FOUND" => BinaryStatus.KeyNotFound,
            // memcached answers an ADD that found the item with "exists" and a REPLACE that did not with "not found".
            _ when mode == "add" => BinaryStatus.KeyExists,
            _ when mode == "replace" => BinaryStatus.KeyNotFound,
            _ => BinaryStatus.NotStored,
        });
    }

    /// <summary>A value too large to store: refused, and a SET's key deleted, as memcached does so that no stale value stays.</summary>
    private async Task RefuseTooLargeAsync(BinaryRequest r, BinaryOpcode op)
    {
        if (op is BinaryOpcode.Set or BinaryOpcode.SetQ) await Run(r.Key, CommandId.Del, ["DEL"u8.ToArray(), r.Key]);
        Error(r, BinaryStatus.TooLarge);
    }

    private static string BaseMode(BinaryOpcode op) => op switch
    {
        BinaryOpcode.Set or BinaryOpcode.SetQ => "set",
        BinaryOpcode.Add or BinaryOpcode.AddQ => "add",
        BinaryOpcode.Replace or BinaryOpcode.ReplaceQ => "replace",
        BinaryOpcode.Append or BinaryOpcode.AppendQ => "append",
        _ => "prepend",
    };

    /// <summary>DELETE and DELETEQ; a CAS in the header deletes only that version of the item.</summary>
    private async Task DeleteAsync(BinaryRequest r, BinaryOpcode op)
    {
        var reply = await Run(r.Key, CommandId.McDelete, ["mcdelete"u8.ToArray(), r.Key, Number((decimal)r.Cas)]);
        if (reply.Text != "EXISTS") stats.Deleted(reply.Text == "DELETED");
        switch (reply.Text)
        {
            case "DELETED":
                Succeeded(r, op);
                break;
            case "EXISTS":
                Error(r, BinaryStatus.KeyExists);
                break;
            default:
                Error(r, BinaryStatus.KeyNotFound);
                break;
        }
    }

    /// <summary>
    /// INCREMENT and DECREMENT (and quiet forms): extras of delta, initial value and expiration; a missing item is made
    /// with the initial value unless the expiration is 0xffffffff. The answer is the new value as 8 bytes.
    /// </summary>
    private async Task ArithmeticAsync(BinaryRequest r, BinaryOpcode op)
    {
        var decrement = op is BinaryOpcode.Decrement or BinaryOpcode.DecrementQ;
        var expiration = r.ExtrasUInt32(16);
        var expiry = expiration == uint.MaxValue ? "none"u8.ToArray() : Number(ExpiresAt(expiration));
        var reply = await Run(r.Key, CommandId.McIncr,
        [
            "incr"u8.ToArray(), r.Key, Number((decimal)r.ExtrasUInt64(0)), decrement ? "decr"u8.ToArray() : "incr"u8.ToArray(),
            Number((decimal)r.ExtrasUInt64(8)), expiry,
        ]);
        if (reply.Kind == ReplyKind.Array && reply.Items![2].Integer == 1) stats.Created();
        else if (reply.Kind == ReplyKind.Array || reply.Text == "NOT_FOUND") stats.Counted(decrement, hit: reply.Kind == ReplyKind.Array);
        if (reply.Kind == ReplyKind.Array && reply.Items![2].Integer == 2) stats.Created();
        if (reply.Kind == ReplyKind.Array)
        {
            if (IsQuiet(op)) return;
            Span<byte> value = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(value, ulong.Parse(reply.Items![0].Bytes!, CultureInfo.InvariantCulture));
            Respond(r, BinaryStatus.Success, (ulong)reply.Items[1].Integer, value: value);
            return;
        }
        if (!reply.IsError) Error(r, BinaryStatus.KeyNotFound);
        else Error(r, reply.Text!.StartsWith("CLIENT_ERROR", StringComparison.Ordinal) ? BinaryStatus.NonNumeric : BinaryStatus.OutOfMemory);
    }

    /// <summary>STAT without a key, or with the group <c>settings</c>, <c>items</c> or <c>slabs</c>: one response per statistic (its name as the key), then an empty one; other groups are not kept here.</summary>
    private async Task StatAsync(BinaryRequest r)
    {
        var group = r.KeyLength == 0 ? await MemcachedServerCommands.StatsAsync(router, stats, time, options)
            : r.Key.AsSpan().SequenceEqual("settings"u8) ? MemcachedServerCommands.Settings(stats, options)
            : r.Key.AsSpan().SequenceEqual("items"u8) ? await MemcachedSlabStats.ItemsAsync(router, time)
            : r.Key.AsSpan().SequenceEqual("slabs"u8) ? await MemcachedSlabStats.SlabsAsync(router)
            : null;
        if (group is null)
        {
            Error(r, BinaryStatus.KeyNotFound);
            return;
        }
        foreach (var (name, value) in group)
            Respond(r, BinaryStatus.Success, key: Encoding.ASCII.GetBytes(name), value: Encoding.ASCII.GetBytes(value));
        Respond(r, BinaryStatus.Success);
    }

    private long ExpiresAt(uint exptime) => MemcachedExpiry.ToAbsoluteMs(exptime, time.GetUtcNow());

    private static byte[] Number(decimal value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));

    private ValueTask<CacheReply> Run(byte[] key, CommandId id, byte[][] args) => router.Execute(CacheRouter.ShardOf(key), new ShardCommand(id, args));
}
