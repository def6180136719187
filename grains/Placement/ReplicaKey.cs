using System.Globalization;

namespace DataTier.Placement;

/// <summary>The key of the k-th replica of a ring-placed grain: <c>{owner ring key}|{k}</c>, k from 1.</summary>
public static class ReplicaKey
{
    public static string For(GrainId owner, int k) =>
        ConsistentHashPlacementDirector.RingKey(owner) + "|" + k.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits a replica key into its owner's ring key and its replica number.</summary>
    public static bool TryParse(string key, out string ownerRingKey, out int k)
    {
        var bar = key.LastIndexOf('|');
        ownerRingKey = bar > 0 ? key[..bar] : "";
        k = 0;
        return bar > 0 && int.TryParse(key.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out k) && k > 0;
    }

    /// <summary>The silo the ring gives the k-th replica of a grain (its owner when there are not enough silos).</summary>
    public static SiloAddress SiloOf(ConsistentHashRing<SiloAddress> ring, GrainId owner, int k) =>
        ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(owner), k);
}
