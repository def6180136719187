using System.IO.Hashing;
using System.Text;

namespace DataTier.Placement;

/// <summary>Replica placement: the distinct silos that follow a key's owner on the ring.</summary>
public sealed partial class ConsistentHashRing<TSilo>
{
    /// <summary>The number of distinct silos on the ring.</summary>
    public int SiloCount => _siloCount ??= _owners.Distinct().Count();

    private int? _siloCount;

    /// <summary>
    /// The <paramref name="k"/>-th distinct silo after the key's owner, walking the virtual nodes
    /// clockwise (k = 0 is the owner itself). With fewer than k + 1 silos it wraps around, so the
    /// answer may then be the owner; callers keep k below <see cref="SiloCount"/>.
    /// </summary>
    public TSilo SuccessorOf(string key, int k)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key));
        var index = Array.BinarySearch(_positions, hash);
        if (index < 0) index = ~index;
        var seen = new List<TSilo>(k + 1);
        var silos = SiloCount;
        for (var step = 0; step < _owners.Length && seen.Count <= k % silos; step++)
        {
            var silo = _owners[(index + step) % _owners.Length];
            if (!seen.Contains(silo)) seen.Add(silo);
        }
        return seen[k % silos];
    }
}
