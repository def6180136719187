using DataTier.Catalog;
using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Recovery;

public sealed partial class RecoveryGrain(ITableStore store, TimeProvider time, Microsoft.Extensions.Logging.ILogger<RecoveryGrain> logger)
    : Grain, IRecoveryGrain
{
    private const int SeedPageSize = 500;
    private static readonly TimeSpan SplitRetryDelay = TimeSpan.FromMilliseconds(100);

    private ITableCatalogGrain Catalog => GrainFactory.GetGrain<ITableCatalogGrain>(0);

    private async Task<TableDescription?> DescribeAsync() => await Catalog.DescribeById(this.GetPrimaryKey());

    public async Task Seed()
    {
        if (await DescribeAsync() is not { Recovery: { EarliestRestorableTime: null } recovery } table) return;
        // What an earlier, unfinished enabling left behind; records written since are repeated by the seed's, so none is lost.
        await RecoveryImage.DropAsync(store, table);
        var loggedUntil = time.GetUtcNow();
        var pending = new Queue<int>(table.Partitions.CurrentIds);
        while (pending.TryDequeue(out var id))
        {
            try
            {
                byte[]? after = null;
                do
                {
                    var page = await GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(id)).SeedRecoveryLog(after, SeedPageSize);
                    if (page.LoggedAt > loggedUntil) loggedUntil = page.LoggedAt;
                    after = page.Next;
                }
                while (after is not null);
            }
            catch (PartitionRetiredException)
            {
                // A split is under way: seed both children from their start once it is committed, or this partition again if it was abandoned.
                await Task.Delay(SplitRetryDelay);
                table = await DescribeAsync() ?? throw DynamoException.TableNotFound();
                if (table.Partitions.SplitOf(id) is { } split)
                {
                    pending.Enqueue(split.Left);
                    pending.Enqueue(split.Right);
                }
                else pending.Enqueue(id);
            }
        }
        // Restorable from the latest time any seed record carries, so a silo whose clock runs ahead cannot leave an item out.
        var earliest = time.GetUtcNow() > loggedUntil ? time.GetUtcNow() : loggedUntil;
        if (await Catalog.AdvanceRecovery(table.Id, recovery.EnabledTime, earliest)) LogSeeded(logger, table.Name, earliest);
    }

    public async Task Fold(DateTimeOffset horizon)
    {
        if (await DescribeAsync() is not { Recovery: { EarliestRestorableTime: { } earliest } recovery } table || horizon <= earliest) return;
        // Restores before the horizon are refused before any record is folded, so none ever sees a half-folded log.
        if (!await Catalog.AdvanceRecovery(table.Id, recovery.EnabledTime, horizon)) return;
        await RecoveryImage.FoldAsync(store, table, horizon.ToUnixTimeMilliseconds());
        LogFolded(logger, table.Name, horizon);
    }

    public async Task<DateTimeOffset> Materialize(DateTimeOffset? point, Guid targetId)
    {
        var table = await DescribeAsync() ?? throw DynamoException.TableNotFound();
        if (table.Recovery?.EarliestRestorableTime is not { } earliest) throw RecoveryErrors.Unavailable(table.Name);
        var latest = time.GetUtcNow();
        var moment = point ?? latest;
        if (moment < earliest || moment > latest) throw RecoveryErrors.InvalidTime(earliest, latest);
        await RecoveryImage.MaterializeAsync(store, table, moment.ToUnixTimeMilliseconds(), targetId);
        return moment;
    }

    public async Task Drop()
    {
        if (await DescribeAsync() is { Recovery: null } table) await RecoveryImage.DropAsync(store, table);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Point-in-time recovery of table {Table} is restorable from {Earliest:O}")]
    private static partial void LogSeeded(Microsoft.Extensions.Logging.ILogger logger, string table, DateTimeOffset earliest);

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Point-in-time recovery of table {Table} folded its log up to {Horizon:O}")]
    private static partial void LogFolded(Microsoft.Extensions.Logging.ILogger logger, string table, DateTimeOffset horizon);
}
