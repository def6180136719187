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
    private const int ExportAttempts = 5;

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
        var copies = found.Where(f => f.State is { Synced: true }).OrderByDescending(f => f.State!.Seq)
            .Select(f => new ReplicaCopy(f.Key, f.State!.Seq, f.Locator.GetPrimaryKeyString(), f.Locator)).ToList();
        var taken = await TakeFromCopiesAsync(copies,
            copy => copy.Locator.Export(copy.Key).WaitAsync(AskTimeout),
            copy => copy.Locator.Retire(copy.Key).WaitAsync(AskTimeout),
            RetryDelay, logger, shard);
        if (taken is not null) return taken;
        // Every shard of a new cluster starts this way: the answers are put into words only when they are logged.
        if (logger.IsEnabled(LogLevel.Information))
            LogNoReplica(logger, shard, string.Join(", ", found.Select(f => $"{f.Key}@{f.Locator.GetPrimaryKeyString()}: {(f.Failed ? "failed" : f.State?.ToString() ?? "none")}")));
        return null;
    }

    /// <summary>
    /// Takes the keys of the most advanced copy that can be read, asking each a few times: a copy that was found exists,
    /// and a timeout under load is no reason to start the shard empty. The copies are then retired; one that cannot be
    /// is left to the full copy the new owner sends its replicas, and does not cost the keys already taken.
    /// </summary>
    internal static async Task<(List<EntrySnapshot> Entries, long Seq)?> TakeFromCopiesAsync(IReadOnlyList<ReplicaCopy> copies,
        Func<ReplicaCopy, Task<List<EntrySnapshot>?>> export, Func<ReplicaCopy, Task> retire, TimeSpan retryDelay, ILogger logger, GrainId shard)
    {
        foreach (var copy in copies)
        {
            for (var attempt = 1; attempt <= ExportAttempts; attempt++)
            {
                List<EntrySnapshot>? entries;
                try
                {
                    entries = await export(copy);
                }
                catch (Exception e) when (e is TimeoutException or OrleansException)
                {
                    LogExportFailed(logger, e, shard, copy.Key, copy.Silo, attempt);
                    if (attempt < ExportAttempts) await Task.Delay(retryDelay);
                    continue;
                }
                // Gone meanwhile (moved or retired): the next most advanced copy.
                if (entries is null) break;
                foreach (var other in copies)
                {
                    try
                    {
                        await retire(other);
                    }
                    catch (Exception e) when (e is TimeoutException or OrleansException)
                    {
                        LogRetireFailed(logger, e, shard, other.Key, other.Silo);
                    }
                }
                LogPromoted(logger, shard, entries.Count, copy.Seq, copy.Key, copy.Silo);
                return (entries, copy.Seq);
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the keys of replica {Replica} on {Silo} for shard {Shard} failed (attempt {Attempt})")]
    private static partial void LogExportFailed(ILogger logger, Exception exception, GrainId shard, string replica, string silo, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retiring replica {Replica} on {Silo} after shard {Shard} took over failed; its next full copy replaces it")]
    private static partial void LogRetireFailed(ILogger logger, Exception exception, GrainId shard, string replica, string silo);

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
