using DataTier.Cache.Commands;

namespace DataTier.Cache.Geo;

/// <summary>Where GEORADIUS and GEORADIUSBYMEMBER store: the key after their last STORE or STOREDIST (as Redis' key finder reads it, from argument 5 on).</summary>
public static class GeoStoreKey
{
    public static byte[]? Of(byte[][] a)
    {
        byte[]? key = null;
        for (var i = 5; i + 1 < a.Length; i++)
        {
            if (Arg.Is(a[i], "store") || Arg.Is(a[i], "storedist")) key = a[++i];
        }
        return key;
    }
}
