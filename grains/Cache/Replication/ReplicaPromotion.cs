using DataTier.Cache.Keyspace;
using DataTier.Placement;

namespace DataTier.Cache.Replication;

/// <summary>
/// Promotion: a shard that starts anew (its owner's silo died, or its keys were otherwise not
/// handed over) takes the keys of its most advanced replica on a live silo before serving. Replicas
/// on a dead silo are gone from the directory, so asking activates an empty one that has no epoch
/// and is passed over.
/// </summary>
public static class ReplicaPromotion
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The keys and sequence number of the most advanced replica, or null when none has any.</summary>
    public static async Task<(List<EntrySnapshot> Entries, long Seq)?> TakeOverAsync(IGrainFactory grains, GrainId shard, int replicas)
    {
        var asked = await Task.WhenAll(Enumerable.Range(1, replicas).Select(async k =>
        {
            var replica = grains.GetGrain<ICacheReplicaGrain>(ReplicaKey.For(shard, k));
            try
            {
                return (Replica: replica, State: await replica.GetState().WaitAsync(AskTimeout));
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException)
            {
                return (Replica: replica, State: (ReplicaState?)null);
            }
        }));
        foreach (var (replica, state) in asked.Where(a => a.State is { Synced: true }).OrderByDescending(a => a.State!.Seq))
        {
            try
            {
                return (await replica.Export().WaitAsync(AskTimeout), state!.Seq);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or SiloUnavailableException)
            {
                // gone meanwhile: try the next most advanced
            }
        }
        return null;
    }
}
