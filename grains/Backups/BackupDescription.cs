using DataTier.Tables;

namespace DataTier.Backups;

/// <summary>
/// A backup: the source table's description as it was, and where its items are kept in the store
/// (<paramref name="DataId"/>, a table id of its own). Kept after the source table is deleted, as in DynamoDB;
/// a SYSTEM backup (of a deleted table that had point-in-time recovery) only until <paramref name="ExpiryTime"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BackupDescription(
    [property: Id(0)] string Arn,
    [property: Id(1)] string Name,
    [property: Id(2)] TableDescription Source,
    [property: Id(3)] Guid DataId,
    [property: Id(4)] long ItemCount,
    [property: Id(5)] long SizeBytes,
    [property: Id(6)] DateTimeOffset CreationTime,
    [property: Id(7)] BackupType Type = BackupType.USER,
    [property: Id(8)] DateTimeOffset? ExpiryTime = null)
{
    /// <summary>DynamoDB's form: the table's ARN, <c>/backup/</c>, the creation time in milliseconds and a random suffix.</summary>
    public static string NewArn(TableDescription table, DateTimeOffset time) =>
        $"{table.Arn}/backup/{time.ToUnixTimeMilliseconds():D14}-{Guid.NewGuid().ToString("N")[..8]}";
}
