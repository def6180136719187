using DataTier.Tables;

namespace DataTier.Client;

/// <summary>
/// What a Query or Scan with IndexName reads: a local index's entries in the table's partitions
/// (<see cref="LocalIndex"/> set), or the hidden table of a global index (<see cref="ReadTable"/>).
/// </summary>
internal sealed record IndexTarget(
    string Name,
    TableDescription ReadTable,
    string? LocalIndex,
    TableKeySchema KeySchema,
    IndexProjection Projection,
    IReadOnlyList<string> KeyNames)
{
    public bool IsGlobal => LocalIndex is null;
}
