using System.Globalization;
using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Memcached;

/// <summary>set, add, replace, append, prepend and cas: <c>&lt;command&gt; &lt;key&gt; &lt;flags&gt; &lt;exptime&gt; &lt;bytes&gt; [&lt;cas unique&gt;] [noreply]</c>.</summary>
public sealed partial class MemcachedSession
{
    private bool TryStorageHeader(string[] parts, out int bytes, out string error)
    {
        bytes = 0;
        error = "CLIENT_ERROR bad command line format\r\n";
        var cas = parts[0] == "cas";
        var count = cas ? 6 : 5;
        if (parts.Length < count || parts.Length > count + 1 || (parts.Length == count + 1 && parts[^1] != "noreply")) return false;
        if (!ValidKey(parts[1]) || !uint.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out bytes)
            || (cas && !ulong.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return false;
        return true;
    }

    private void Store(string[] parts, byte[] data)
    {
        var key = Encoding.UTF8.GetBytes(parts[1]);
        if (data.Length > options.MaxValueBytes)
        {
            Interlocked.Increment(ref stats.StoreTooLarge);
            // memcached deletes the key a SET failed to replace, so that no stale value stays.
            if (parts[0] == "set") Queue(key, new ShardCommand(CommandId.Del, ["DEL"u8.ToArray(), key]), static _ => { });
            Write("SERVER_ERROR object too large for cache\r\n");
            return;
        }
        TryExpiry(parts[3], out var expiresAt);
        var args = new byte[][]
        {
            "mcstore"u8.ToArray(), key, Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(parts[2]),
            Encoding.ASCII.GetBytes(expiresAt.ToString(CultureInfo.InvariantCulture)), data,
            Encoding.ASCII.GetBytes(parts[0] == "cas" ? parts[5] : "0"),
        };
        Queue(key, new ShardCommand(CommandId.McStore, args), reply =>
        {
            stats.Stored(parts[0] == "cas", reply.Text switch
            {
                "STORED" => StoreOutcome.Stored,
                "EXISTS" => StoreOutcome.Exists,
                "NOT_FOUND" => StoreOutcome.NotFound,
                _ => StoreOutcome.NotStored,
            });
            if (reply.IsError) WriteNow("SERVER_ERROR out of memory storing object\r\n");
            else Reply(parts, reply.Text!);
        });
    }
}
