using DataTier.Cache.Memory;
using DataTier.Cache.PubSub;
using DataTier.Partitions;
using DataTier.Placement.Moves;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace DataTier.Placement.Ownership;

[SiloLocalPlacement, Reentrant]
public sealed class SiloOwnershipGrain(IServiceProvider services, ILocalSiloDetails silo) : Grain, ISiloOwnershipGrain
{
    public Task<SiloOwnership?> Report(int recentMoves)
    {
        if (this.GetPrimaryKeyString() != silo.SiloAddress.ToParsableString())
        {
            // Placed here because the named silo was not a candidate (gone, or not yet known): let the next call place it again.
            DeactivateOnIdle();
            return Task.FromResult<SiloOwnership?>(null);
        }
        var partitions = services.GetService<LocalPartitions>()?.Snapshot().Where(p => p.Rank == 0).Select(p => p.Id.Key.ToString()!).ToList() ?? [];
        var shards = services.GetService<LocalCacheShards>()?.Snapshot().Select(s => s.Index).Order().ToList() ?? [];
        var moves = services.GetRequiredService<MoveLog>();
        return Task.FromResult<SiloOwnership?>(new SiloOwnership(
            silo.SiloAddress, partitions, shards, moves.InProgress(), moves.Completed, moves.AbandonedCount, moves.Recent(recentMoves)));
    }
}
