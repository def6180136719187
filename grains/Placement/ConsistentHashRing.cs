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
    public const int DefaultVirtualNodes = 128;

    private readonly ulong[] _positions;
    private readonly TSilo[] _owners;

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
    }

    public TSilo OwnerOf(ulong hash)
    {
        var index = Array.BinarySearch(_positions, hash);
        if (index < 0) index = ~index;
        return _owners[index == _positions.Length ? 0 : index];
    }

    public TSilo OwnerOf(string key) => OwnerOf(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)));
}
