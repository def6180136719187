using DataTier.Cache.Commands;

namespace DataTier.Cache.Geo;

/// <summary>The keys after GEORADIUS' and GEORADIUSBYMEMBER's STORE and STOREDIST, read from argument 5 on as Redis' key finder reads them.</summary>
public static class GeoStoreKey
{
    /// <summary>Where the command stores: the key after its last STORE or STOREDIST.</summary>
    public static byte[]? Of(byte[][] a)
    {
        byte[]? key = null;
        foreach (var named in All(a)) key = named;
        return key;
    }

    /// <summary>Every key after a STORE or STOREDIST, in order: Redis checks each against the ACL and the cluster's slots, though only the last is written.</summary>
    public static IEnumerable<byte[]> All(byte[][] a)
    {
        for (var i = 5; i + 1 < a.Length; i++)
        {
            if (Arg.Is(a[i], "store") || Arg.Is(a[i], "storedist")) yield return a[++i];
        }
    }
}
