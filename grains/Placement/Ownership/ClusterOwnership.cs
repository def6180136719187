using DataTier.Cache;
using DataTier.Catalog;

namespace DataTier.Placement.Ownership;

/// <summary>
/// Ownership of every active table partition and cache shard, as the silos report it (each asked
/// through its <see cref="ISiloOwnershipGrain"/>), and the moves they recorded. The silos answer one
/// by one, so during a move a grain may show on both silos or on neither.
/// </summary>
public sealed record ClusterOwnership(
    DateTime At,
    IReadOnlyList<SiloSummary> Silos,
    IReadOnlyList<PartitionOwner> Partitions,
    IReadOnlyList<ShardOwner> CacheShards,
    MovesSummary Moves)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static async Task<ClusterOwnership> CollectAsync(IGrainFactory grains, IEnumerable<SiloAddress> silos, int recentMoves = 20, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var asked = silos.Distinct().OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();
        var answers = await Task.WhenAll(asked.Select(async silo =>
        {
            try
            {
                var report = await grains.GetGrain<ISiloOwnershipGrain>(silo.ToParsableString()).Report(recentMoves).WaitAsync(limit);
                return (Silo: silo, Report: report, Error: report is null ? "not placed on its silo yet" : null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (Silo: silo, Report: (SiloOwnership?)null, Error: e.GetType().Name + ": " + e.Message);
            }
        }));

        var names = await TableNamesAsync(grains, answers.SelectMany(a => a.Report?.Partitions ?? []).Select(TableIdOf).Distinct());
        var now = DateTime.UtcNow;
        List<SiloSummary> summaries = [];
        List<PartitionOwner> partitions = [];
        List<ShardOwner> shards = [];
        List<Moves.MoveRecord> inProgress = [];
        List<Moves.MoveRecord> recent = [];
        long completed = 0, abandoned = 0;
        foreach (var (silo, report, error) in answers)
        {
            var name = silo.ToString();
            if (report is null)
            {
                summaries.Add(new SiloSummary(name, false, 0, 0, 0, 0, error));
                continue;
            }
            summaries.Add(new SiloSummary(name, true, report.Partitions.Count, report.CacheShards.Count, report.MovesInProgress.Count, report.MovesCompleted));
            foreach (var key in report.Partitions)
            {
                var id = TableIdOf(key);
                partitions.Add(new PartitionOwner(names.GetValueOrDefault(id, ""), id, int.Parse(key[(key.IndexOf('/') + 1)..]), name));
            }
            shards.AddRange(report.CacheShards.Select(s => new ShardOwner(s, s * CacheSlots.SlotsPerShard, (s + 1) * CacheSlots.SlotsPerShard - 1, name)));
            inProgress.AddRange(report.MovesInProgress);
            recent.AddRange(report.RecentMoves);
            completed += report.MovesCompleted;
            abandoned += report.MovesAbandoned;
        }
        return new ClusterOwnership(
            now,
            summaries,
            [.. partitions.OrderBy(p => p.Table, StringComparer.Ordinal).ThenBy(p => p.TableId).ThenBy(p => p.Partition)],
            [.. shards.OrderBy(s => s.Shard)],
            new MovesSummary(
                [.. inProgress.OrderBy(m => m.StartedAt).Select(m => MoveView.Of(m, now))],
                completed,
                abandoned,
                [.. recent.OrderByDescending(m => m.StartedAt + m.Duration!.Value).Take(recentMoves).Select(m => MoveView.Of(m, now))]));
    }

    private static Guid TableIdOf(string partitionKey) => Guid.ParseExact(partitionKey[..partitionKey.IndexOf('/')], "N");

    private static async Task<Dictionary<Guid, string>> TableNamesAsync(IGrainFactory grains, IEnumerable<Guid> ids)
    {
        var catalog = grains.GetGrain<ITableCatalogGrain>(0);
        var described = await Task.WhenAll(ids.Select(async id => (Id: id, Table: await catalog.DescribeById(id))));
        return described.Where(d => d.Table is not null).ToDictionary(d => d.Id, d => d.Table!.Name);
    }
}
