using System.Text;
using DataTier.Catalog;
using DataTier.Configuration;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.GlobalTables;

/// <summary>
/// Ships one partition's writes to one region (see <see cref="IReplicaShipperGrain"/>). Its state (the next sequence
/// to send, whether the items held when the region joined have been sent, how far that got) is an item under
/// <see cref="ReplicationLog.StateTableOf"/>, written after each batch the peer took: after a crash some writes are
/// sent twice, which the peer's last-writer-wins makes harmless (the same stamp is not newer than itself).
/// </summary>
public sealed partial class ReplicaShipperGrain(ITableStore store, IReplicaTransport transport, IOptions<GlobalTablesOptions> options,
    ILogger<ReplicaShipperGrain> logger) : Grain, IReplicaShipperGrain
{
    private Guid _tableId;
    private int _partition;
    private string _region = "";
    private LogCheckpoint _state = null!;
    private Guid? _stateOf;
    private readonly RepeatedFailureLog _failures = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = this.GetPrimaryKeyString().Split('/', 3);
        _tableId = Guid.ParseExact(parts[0], "N");
        _partition = int.Parse(parts[1]);
        _region = parts[2];
        // Also while no partition prompts it: a peer that was down is retried, a split parent's log drained.
        var retry = options.Value.ShipInterval * 20;
        this.RegisterGrainTimer(ShipOnTimerAsync, new GrainTimerCreationOptions(retry, retry) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task Poke() => await ShipOrWarnAsync();

    public Task<long> Drain() => ShipAsync();

    private Task ShipOnTimerAsync(CancellationToken cancellationToken) => ShipOrWarnAsync();

    /// <summary>Ships; a failure (the region down, say) is retried by the timer and logged once a minute, not at every prompt.</summary>
    private async Task ShipOrWarnAsync()
    {
        try
        {
            await ShipAsync();
            _failures.Succeeded();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (_failures.ShouldLog()) LogShipFailed(logger, _region, this.GetPrimaryKeyString(), e);
        }
    }

    private async Task<long> ShipAsync()
    {
        var table = await GrainFactory.GetGrain<ITableCatalogGrain>(0).DescribeById(_tableId);
        var replica = table?.RegionReplicas.FirstOrDefault(r => r.RegionName == _region);
        if (table is null || replica is null)
        {
            DeactivateOnIdle();
            return -1;
        }
        if (_stateOf != replica.Id)
        {
            // The state of this replica of the region (a region added again starts afresh).
            _state = new LogCheckpoint(store, ReplicationLog.StateTableOf(_tableId), StateKey(_partition, replica));
            await _state.LoadAsync();
            _stateOf = replica.Id;
        }
        if (!_state.Backfilled) await BackfillAsync(table, replica);
        var log = ReplicationLog.NameOf(_partition);
        var batchSize = options.Value.WritesPerBatch;
        while (true)
        {
            var batch = await store.ReadChangesAsync(table.Id, log, _state.Next, batchSize);
            if (batch.Count == 0) return _state.Next - 1;
            var writes = new List<ReplicatedWrite>(batch.Count);
            foreach (var change in batch)
            {
                var record = StreamRecordCodec.Decode(change.Sequence, change.Payload);
                writes.Add(new ReplicatedWrite(record.Keys, record.NewImage, record.CreatedMs, options.Value.Region));
            }
            await transport.SendWritesAsync(_region, table.Name, writes);
            await _state.SaveAsync(batch[^1].Sequence + 1, true, null);
            await TrimAsync(table);
            if (batch.Count < batchSize) return _state.Next - 1;
        }
    }

    /// <summary>
    /// For a region that joined a populated table: sends the items this partition holds, with their stamps. The
    /// log's records from the moment the partition knew of the region on are sent afterwards, so writes made
    /// meanwhile are not lost; those sent twice converge.
    /// </summary>
    private async Task BackfillAsync(TableDescription table, RegionReplica replica)
    {
        var partition = GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(_partition));
        if (!_state.Started)
        {
            // A region there from the table's creation, or a split parent (its children send their own items): only the log.
            if (replica.Status == ReplicaStatus.ACTIVE || table.Partitions.IsRetired(_partition))
            {
                await FinishBackfillAsync(table, 0);
                return;
            }
            var head = await partition.OpenReplicationLog(_region)
                ?? throw new InvalidOperationException($"Table {table.Name} no longer has a replica in region {_region}");
            await _state.SaveAsync(head + 1, false, null);
        }
        while (true)
        {
            ReplicationPage page;
            try
            {
                page = await partition.ReadReplicationPage(_state.Cursor, options.Value.WritesPerBatch);
            }
            catch (PartitionRetiredException)
            {
                // Split while sending: each child sends the items of its own range (a fence that is lifted again is retried instead).
                if (await GrainFactory.GetGrain<ITableCatalogGrain>(0).DescribeById(_tableId) is not { } latest || !latest.Partitions.IsRetired(_partition)) throw;
                await FinishBackfillAsync(table, _state.Next);
                return;
            }
            if (page.Writes.Count > 0) await transport.SendWritesAsync(_region, table.Name, page.Writes);
            if (page.Next is null) break;
            await _state.SaveAsync(_state.Next, false, page.Next);
        }
        LogBackfilled(logger, table.Name, _region, _partition);
        await FinishBackfillAsync(table, _state.Next);
    }

    private async Task FinishBackfillAsync(TableDescription table, long next)
    {
        await _state.SaveAsync(next, true, null);
        await GrainFactory.GetGrain<ITableCatalogGrain>(0).RegionReplicaBackfilled(table.Name, _region, _partition);
    }

    /// <summary>Removes records every region's shipper has sent, keeping the newest so sequence numbers keep growing.</summary>
    private async Task TrimAsync(TableDescription table)
    {
        var batchSize = options.Value.WritesPerBatch;
        if (_state.Next % (batchSize * 4L) >= batchSize) return;
        var lowest = _state.Next;
        foreach (var replica in table.RegionReplicas)
        {
            lowest = Math.Min(lowest, await LogCheckpoint.NextOfAsync(store, ReplicationLog.StateTableOf(table.Id), StateKey(_partition, replica)));
        }
        if (lowest > 1) await store.TrimChangesAsync(table.Id, ReplicationLog.NameOf(_partition), lowest - 1);
    }

    private static byte[] StateKey(int partition, RegionReplica replica) => Encoding.UTF8.GetBytes($"{partition}/{replica.RegionName}/{replica.Id:N}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ship writes to region {Region} ({Shipper}); retried until it answers, and logged again in a minute if it still fails")]
    private static partial void LogShipFailed(ILogger logger, string region, string shipper, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the items of table {Table}'s partition {Partition} to its new replica in region {Region}")]
    private static partial void LogBackfilled(ILogger logger, string table, string region, int partition);
}
