using DataTier.Cache.Keyspace;
using DataTier.Placement;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Replication;

/// <summary>
/// Promotion: a shard that starts anew (its owner's silo died, or its keys were otherwise not
/// handed over) takes the keys of its most advanced replica on a live silo before serving. Each
/// active silo is asked through its <see cref="ICacheReplicaLocatorGrain"/>, which finds replicas
/// even when their directory entries died with the owner's silo. The copy taken is then retired: the
/// new owner sends its replicas a full copy where the ring now places them.
/// </summary>
public static partial class ReplicaPromotion
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private const int AskAttempts = 40;

    /// <summary>The keys and sequence number of the most advanced replica, or null when none has any.</summary>
    public static async Task<(List<EntrySnapshot> Entries, long Seq)?> TakeOverAsync(IGrainFactory grains, IClusterMembershipService membership, GrainId shard, int replicas, ILogger logger)
    {
        var keys = Enumerable.Range(1, replicas).Select(k => ReplicaKey.For(shard, k)).ToArray();
        // A silo whose locator cannot be reached yet (right after a crash, its directory entry may have
        // died too) is asked again: treating it as holding nothing would start the shard empty.
        (ICacheReplicaLocatorGrain Locator, string Key, ReplicaState? State, bool Failed)[] found = [];
        for (var attempt = 0; attempt < AskAttempts; attempt++)
        {
            var locators = membership.CurrentSnapshot.Members.Values
                .Where(m => m.Status == SiloStatus.Active)
                .Select(m => grains.GetGrain<ICacheReplicaLocatorGrain>(m.SiloAddress.ToParsableString()));
            found = await Task.WhenAll(locators.SelectMany(l => keys.Select(key => AskAsync(l, key))));
            if (!found.Any(f => f.Failed)) break;
            await Task.Delay(RetryDelay);
        }
        var copies = found.Where(f => f.State is { Synced: true }).OrderByDescending(f => f.State!.Seq).ToList();
        foreach (var (locator, key, state, _) in copies)
        {
            try
            {
                if (await locator.Export(key).WaitAsync(AskTimeout) is not { } entries) continue;
                foreach (var (other, otherKey, _, _) in copies) await other.Retire(otherKey).WaitAsync(AskTimeout);
                LogPromoted(logger, shard, entries.Count, state!.Seq, key, locator.GetPrimaryKeyString());
                return (entries, state.Seq);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                // gone meanwhile: try the next most advanced
            }
        }
        // Every shard of a new cluster starts this way: the answers are put into words only when they are logged.
        if (logger.IsEnabled(LogLevel.Information))
            LogNoReplica(logger, shard, string.Join(", ", found.Select(f => $"{f.Key}@{f.Locator.GetPrimaryKeyString()}: {(f.Failed ? "failed" : f.State?.ToString() ?? "none")}")));
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard} took over {Count} keys at sequence {Seq} from its replica {Replica} on {Silo}")]
    private static partial void LogPromoted(ILogger logger, GrainId shard, int count, long seq, string replica, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard} starts without a replica's keys; the silos answered: {Answers}")]
    private static partial void LogNoReplica(ILogger logger, GrainId shard, string answers);

    private static async Task<(ICacheReplicaLocatorGrain Locator, string Key, ReplicaState? State, bool Failed)> AskAsync(ICacheReplicaLocatorGrain locator, string key)
    {
        try
        {
            return (locator, key, await locator.Find(key).WaitAsync(AskTimeout), false);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return (locator, key, null, true);
        }
    }
}
