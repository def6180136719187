using System.Globalization;

namespace DataTier.Replicas;

/// <summary>
/// The grain key of a partition's read replica: the partition's grain key
/// (<see cref="Tables.TableDescription.PartitionGrainKey"/>), <c>#</c> and the replica's number, 1 to 5.
/// </summary>
public static class PartitionReplicaKey
{
    public const int MaxReplicas = 5;

    public static string Of(string partitionKey, int replica) => $"{partitionKey}#{replica.ToString(CultureInfo.InvariantCulture)}";

    public static (string PartitionKey, int Replica) Parse(string key)
    {
        var hash = key.LastIndexOf('#');
        if (hash < 0 || !int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var replica) || replica is < 1 or > MaxReplicas)
            throw new ArgumentException($"Not a replica key: {key}", nameof(key));
        return (key[..hash], replica);
    }

    /// <summary>Where a replica sits on the ring: after its partition's owner, at its number as rank.</summary>
    public static (string RingKey, int Rank) RingPlace(IGrainFactory grains, string replicaKey)
    {
        var (partitionKey, replica) = Parse(replicaKey);
        return (Placement.ConsistentHashPlacementDirector.RingKey(grains.GetGrain<Partitions.IPartitionGrain>(partitionKey).GetGrainId()), replica);
    }
}
