using DataTier.Model;

namespace DataTier.Store;

/// <summary>
/// One write of a local secondary index entry in an atomic batch (<see cref="ITableStore.WriteAsync"/>).
/// Entries live in a key space of their table apart from its items, one per index name, ordered by
/// <paramref name="Position"/> like items. The write is unconditional: the batch's item writes carry
/// the version checks. <paramref name="Version"/> is the version of the item the entry reflects; a
/// null <paramref name="Attributes"/> removes the entry (removing an absent entry is no error).
/// </summary>
public sealed record IndexEntryWrite(string Index, byte[] Position, long Version, IReadOnlyDictionary<string, AttrValue>? Attributes);
