using DataTier.Client.Expressions;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Client.Versioning;

/// <summary>
/// Read–modify–write in one call, locked optimistically by the item's internal version: read the item and
/// its version, apply the caller's change, write with ExpectedVersion, and on ConditionalCheckFailed (another
/// writer came first) read again and retry, up to <c>maxAttempts</c> times.
/// </summary>
public static class OptimisticLockingExtensions
{
    public const int DefaultMaxAttempts = 10;

    /// <summary>
    /// Replaces the item with what <paramref name="change"/> makes of it (it receives null when the item does not
    /// exist, and may return null to write nothing). The key attributes are added to the new item.
    /// </summary>
    public static Task<VersionedWrite> UpdateWithVersionAsync(this ITableClient tables, string tableName,
        IReadOnlyDictionary<string, AttrValue> key, Func<IReadOnlyDictionary<string, AttrValue>?, IReadOnlyDictionary<string, AttrValue>?> change,
        int maxAttempts = DefaultMaxAttempts, CancellationToken cancellationToken = default) =>
        RetryAsync(tables, tableName, key, maxAttempts, cancellationToken, async (current, version) =>
        {
            if (change(current) is not { } changed) return null;
            var item = new Dictionary<string, AttrValue>(changed);
            foreach (var (name, value) in key) item[name] = value;
            var result = await tables.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item, ExpectedVersion = version });
            return new VersionedWrite(item, result.Version, 0);
        });

    /// <summary>
    /// Applies the update expression <paramref name="change"/> builds from the current item (null when it does
    /// not exist; a null or empty update writes nothing).
    /// </summary>
    public static Task<VersionedWrite> UpdateWithVersionAsync(this ITableClient tables, string tableName,
        IReadOnlyDictionary<string, AttrValue> key, Func<IReadOnlyDictionary<string, AttrValue>?, UpdateBuilder?> change,
        int maxAttempts = DefaultMaxAttempts, CancellationToken cancellationToken = default) =>
        RetryAsync(tables, tableName, key, maxAttempts, cancellationToken, async (current, version) =>
        {
            if (change(current) is not { IsEmpty: false } update) return null;
            var request = new UpdateItemRequest { TableName = tableName, Key = key, ExpectedVersion = version, ReturnValues = ReturnValues.ALL_NEW }
                .WithUpdate(update);
            var result = await tables.UpdateItemAsync(request);
            return new VersionedWrite(result.Attributes, result.Version, 0);
        });

    private static async Task<VersionedWrite> RetryAsync(ITableClient tables, string tableName, IReadOnlyDictionary<string, AttrValue> key,
        int maxAttempts, CancellationToken cancellationToken, Func<IReadOnlyDictionary<string, AttrValue>?, long, Task<VersionedWrite?>> write)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await tables.GetItemAsync(new GetItemRequest { TableName = tableName, Key = key, ConsistentRead = true });
            try
            {
                var written = await write(current.Item, current.Version);
                return written is null ? new VersionedWrite(null, current.Version, attempt) : written with { Attempts = attempt };
            }
            catch (DynamoException e) when (e.Code == DynamoErrorCode.ConditionalCheckFailedException && attempt < maxAttempts)
            {
                // Another writer got there first: back off a little, with jitter, then read again.
                await Task.Delay(Random.Shared.Next(0, 1 << Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }
}
