using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;

namespace DataTier.Placement;

/// <summary>
/// Chooses the ring owner among the compatible silos, or for a replica the silo that follows its owner
/// at the replica's rank: a <see cref="ReplicaPlacement"/> grain (a partition's) or a
/// <see cref="RingSuccessorPlacement"/> grain (keyed <c>{owner ring key}|{k}</c>, see
/// <see cref="ReplicaKey"/>). The ring is rebuilt only when that
/// set changes. A placement hint (grain migration names its destination that way) wins over the ring.
/// </summary>
public sealed class ConsistentHashPlacementDirector(IServiceProvider services) : IPlacementDirector
{
    private readonly object _lock = new();
    private SiloAddress[]? _silos;
    private ConsistentHashRing<SiloAddress>? _ring;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint) return Task.FromResult(hint);
        var (key, rank) = strategy switch
        {
            ReplicaPlacement => Replicas.PartitionReplicaKey.RingPlace(services.GetRequiredService<IGrainFactory>(), target.GrainIdentity.Key.ToString()!),
            RingSuccessorPlacement when ReplicaKey.TryParse(target.GrainIdentity.Key.ToString()!, out var owner, out var k) => (owner, k),
            _ => (RingKey(target.GrainIdentity), 0),
        };
        return Task.FromResult(RingFor(compatible).OwnerOf(key, rank));
    }

    /// <summary>The key a grain is placed by; also used to compute owners outside placement (rebalancing, tests).</summary>
    public static string RingKey(GrainId grain) => grain.ToString();

    public static string SiloIdentity(SiloAddress silo) => silo.Endpoint.ToString();

    private ConsistentHashRing<SiloAddress> RingFor(SiloAddress[] silos)
    {
        lock (_lock)
        {
            if (_ring is null || _silos is null || !SameSet(_silos, silos))
            {
                _silos = silos;
                _ring = new ConsistentHashRing<SiloAddress>(silos, SiloIdentity);
            }
            return _ring;
        }
    }

    private static bool SameSet(SiloAddress[] a, SiloAddress[] b) => a.Length == b.Length && !a.Except(b).Any();
}
