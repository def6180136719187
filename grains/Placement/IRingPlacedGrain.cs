namespace DataTier.Placement;

/// <summary>A grain that lives on a given silo of the consistent-hash ring and moves when the ring changes.</summary>
public interface IRingPlacedGrain : IGrainWithStringKey
{
    /// <summary>
    /// This silo no longer holds the grain's place on the ring: move, with the warm state, to the silo
    /// that does; to <paramref name="target"/> when given (a silo that is leaving names the next one).
    /// </summary>
    Task Rebalance(SiloAddress? target = null);
}
