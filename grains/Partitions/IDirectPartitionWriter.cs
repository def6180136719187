namespace DataTier.Partitions;

/// <summary>
/// A partition active on this silo, written by the silo's own endpoints without a grain call. Each write waits for
/// the partition's turn gate, which every grain turn holds too, so it is serialized with the grain's turns exactly
/// as a grain call would be. A null outcome means the partition cannot take writes this way at the moment (a
/// transaction holds locks, it is fenced, retired or leaving, or its table keeps a change log or indexes): send the
/// command to the grain instead.
/// </summary>
public interface IDirectPartitionWriter
{
    ValueTask<WriteOutcome?> TryPutAsync(PutCommand command);

    ValueTask<WriteOutcome?> TryDeleteAsync(DeleteCommand command);

    ValueTask<WriteOutcome?> TryUpdateAsync(UpdateCommand command);
}
