using Orleans.Runtime.Placement;

namespace DataTier.Cache.PubSub;

/// <summary>Chooses the silo whose address is the grain's key; if that silo is gone, the local one (where the grain then does nothing).</summary>
public sealed class SiloLocalPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var compatible = context.GetCompatibleSilos(target);
        foreach (var silo in compatible)
            if (silo.ToParsableString() == key) return Task.FromResult(silo);
        return Task.FromResult(context.LocalSilo);
    }
}
