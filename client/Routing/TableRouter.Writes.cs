using DataTier.Partitions;
using DataTier.Tables;

namespace DataTier.Client.Routing;

public sealed partial class TableRouter
{
    /// <summary>
    /// Sends a single-item write to the partition owning <paramref name="hash"/>: when that partition is active on this
    /// silo and takes direct writes, without a grain call (<see cref="IDirectPartitionWriter"/>); otherwise as a call.
    /// </summary>
    public async Task<WriteOutcome> WriteAsync<TCommand>(TableDescription table, ulong hash, TCommand command,
        Func<IDirectPartitionWriter, TCommand, ValueTask<WriteOutcome?>> direct, Func<IPartitionGrain, TCommand, Task<WriteOutcome>> call)
    {
        var partition = table.Partitions.PartitionOf(hash);
        if (local?.ViewOf(table.Id, table.Partitions.IdAt(partition))?.DirectWriter is { } writer
            && await direct(writer, command) is { } outcome)
            return outcome;
        return await call(Partition(table, partition), command);
    }
}
