namespace DataTier.Store;

/// <summary>One entry of a durable change log, written in the same atomic batch as the items it describes.</summary>
public sealed record ChangeRecord(string Log, long Sequence, byte[] Payload);
