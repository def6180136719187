using System.IO.Hashing;
using System.Text;

namespace DataTier.Placement;

/// <summary>
/// A consistent-hash ring of silos with virtual nodes. A key belongs to the first virtual node at or
/// after its hash (wrapping around). Silos are placed by their endpoint, not their generation, so a
/// restarted silo takes back the same ranges; adding the Nth silo moves about 1/N of the keys, all
/// of them to the new silo.
/// </summary>
public sealed partial class ConsistentHashRing<TSilo> where TSilo : notnull
{
    // 1024 points per silo keep every silo's share of the ring within a few percent of 1/N (the spread shrinks with the square root).
    public const int DefaultVirtualNodes = 1024;

    private readonly ulong[] _positions;
    private readonly TSilo[] _owners;
    private readonly int _distinct;

    public ConsistentHashRing(IEnumerable<TSilo> silos, Func<TSilo, string> identity, int virtualNodes = DefaultVirtualNodes)
    {
        var points = new List<(ulong Position, TSilo Silo)>();
        foreach (var silo in silos)
        {
            var id = identity(silo);
            for (var i = 0; i < virtualNodes; i++)
                points.Add((XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{id}#{i}")), silo));
        }
        if (points.Count == 0) throw new ArgumentException("A ring needs at least one silo", nameof(silos));
        // Ties (vanishingly rare) are broken by identity so every silo computes the same ring.
        points.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : string.CompareOrdinal(identity(a.Silo), identity(b.Silo)));
        _positions = points.Select(p => p.Position).ToArray();
        _owners = points.Select(p => p.Silo).ToArray();
        _distinct = _owners.Distinct().Count();
    }

    public TSilo OwnerOf(ulong hash)
    {
        var index = Array.BinarySearch(_positions, hash);
        if (index < 0) index = ~index;
        return _owners[index == _positions.Length ? 0 : index];
    }

    public TSilo OwnerOf(string key) => OwnerOf(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)));

    /// <summary>The number of distinct silos on the ring.</summary>
    public int SiloCount => _distinct;

    /// <summary>
    /// The <paramref name="rank"/>-th distinct silo that follows the owner of <paramref name="key"/>
    /// clockwise (rank 0: the owner itself), where read replicas of the key's grain live. On a ring of
    /// fewer silos than rank + 1, ranks wrap around, so replicas then share silos with the owner.
    /// </summary>
    public TSilo OwnerOf(string key, int rank)
    {
        if (rank == 0) return OwnerOf(key);
        var wanted = rank % _distinct;
        var index = Array.BinarySearch(_positions, XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)));
        if (index < 0) index = ~index;
        var seen = new List<TSilo>(wanted + 1);
        for (var step = 0; ; step++)
        {
            var silo = _owners[(index + step) % _owners.Length];
            if (seen.Contains(silo)) continue;
            if (seen.Count == wanted) return silo;
            seen.Add(silo);
        }
    }
}
