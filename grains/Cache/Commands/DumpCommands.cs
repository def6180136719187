using DataTier.Cache.Dump;
using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>DUMP and RESTORE: a key's value in Redis 7.0's serialized form, interchangeable with redis-server's.</summary>
public static class DumpCommands
{
    private static readonly CacheReply BusyKey = CacheReply.Error("BUSYKEY Target key name already exists.");
    private static readonly CacheReply BadTtl = CacheReply.Error("ERR Invalid TTL value, must be >= 0");
    private static readonly CacheReply BadPayload = CacheReply.Error("ERR DUMP payload version or checksum are wrong");
    private static readonly CacheReply BadData = CacheReply.Error("ERR Bad data format");

    public static CacheReply Dump(CacheKeyspace ks, byte[][] a) =>
        ks.Read(a[1]) is { } entry ? CacheReply.Bulk(DumpEncoder.Encode(entry.Value)) : CacheReply.Nil;

    /// <summary>
    /// Checks in Redis' order: options, an existing key without REPLACE, the TTL, the footer, the content. A TTL already
    /// past answers OK without creating the key (deleting it under REPLACE).
    /// </summary>
    public static CacheReply Restore(CacheKeyspace ks, byte[][] a)
    {
        if (RestoreArgs.Parse(a, out var args) is { } invalid) return invalid;
        if (!args.Replace && ks.Write(a[1]) is not null) return BusyKey;
        if (!CacheNumbers.TryParseLong(a[2], out var ttl)) return CacheErrors.NotInteger;
        if (ttl < 0) return BadTtl;
        if (!DumpPayload.IsSound(a[3])) return BadPayload;
        object value;
        try
        {
            value = DumpDecoder.Decode(a[3]);
        }
        catch (DumpFormatException)
        {
            return BadData;
        }
        // Redis adds the relative TTL to its clock in 64 bits; a sum that wraps reads as already past, as there.
        var expiresAt = ttl == 0 ? 0 : args.AbsoluteTtl ? ttl : unchecked(ttl + ks.Now);
        // As Redis, REPLACE deletes the old key first, so the restored one is added anew (and raises new).
        var deleted = args.Replace && ks.Remove(a[1]);
        if (expiresAt != 0 && expiresAt <= ks.Now)
        {
            if (deleted) ks.GenericEvent("del", a[1]);
            return CacheReply.Ok;
        }
        var entry = ks.PutValue(a[1], value, expiresAt);
        SetAccess(ks, entry, args);
        ks.GenericEvent("restore", a[1]);
        return CacheReply.Ok;
    }

    /// <summary>A restored value is new to Redis: its LFU counter starts afresh, or at FREQ under an LFU policy; IDLETIME counts under any other.</summary>
    private static void SetAccess(CacheKeyspace ks, CacheEntry entry, RestoreArgs args)
    {
        entry.LastAccess = ks.Now;
        entry.Frequency = CacheKeyspace.LfuInitial;
        entry.FrequencyMinute = (int)(ks.Now / 60_000);
        if (ks.Budget.Policy is EvictionPolicy.AllKeysLfu or EvictionPolicy.VolatileLfu)
        {
            if (args.Frequency >= 0) entry.Frequency = (byte)args.Frequency;
        }
        else if (args.IdleSeconds >= 0) entry.LastAccess = ks.Now - IdleAsRedisKeepsIt(ks.Now, args.IdleSeconds) * 1000;
    }

    /// <summary>
    /// The idle seconds OBJECT IDLETIME will report: Redis 7.0 keeps access times on a 24-bit clock of seconds, so a
    /// longer idle time wraps (its seconds are also scaled through milliseconds in 64 bits, which wraps for huge values).
    /// </summary>
    private static long IdleAsRedisKeepsIt(long now, long idleSeconds)
    {
        const long clockMax = (1 << 24) - 1;
        var clock = (now / 1000) & clockMax;
        var access = clock - unchecked(idleSeconds * 1000) / 1000;
        if (access < 0) access += clockMax;
        access &= 0xffffff;
        return clock >= access ? clock - access : clock + clockMax - access;
    }
}
