using Orleans.Runtime.Placement;

namespace DataTier.Placement;

/// <summary>Chooses the k-th distinct successor of the replica's owner on the ring of compatible silos (see <see cref="RingSuccessorPlacement"/>).</summary>
public sealed class RingSuccessorPlacementDirector : IPlacementDirector
{
    private readonly object _lock = new();
    private SiloAddress[]? _silos;
    private ConsistentHashRing<SiloAddress>? _ring;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint) return Task.FromResult(hint);
        var ring = RingFor(compatible);
        if (!ReplicaKey.TryParse(target.GrainIdentity.Key.ToString()!, out var owner, out var k)) return Task.FromResult(ring.OwnerOf(target.GrainIdentity.ToString()));
        return Task.FromResult(ring.OwnerOf(owner, k));
    }

    private ConsistentHashRing<SiloAddress> RingFor(SiloAddress[] silos)
    {
        lock (_lock)
        {
            if (_ring is null || _silos is null || _silos.Length != silos.Length || _silos.Except(silos).Any())
            {
                _silos = silos;
                _ring = new ConsistentHashRing<SiloAddress>(silos, ConsistentHashPlacementDirector.SiloIdentity);
            }
            return _ring;
        }
    }
}
