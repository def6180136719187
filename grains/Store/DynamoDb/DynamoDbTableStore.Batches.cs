using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.AwsDynamoDb;
using DataTier.Model;

namespace DataTier.Store.DynamoDb;

/// <summary>
/// Atomic batches from single-item conditional writes. A batch of more than one item write, or of
/// item writes with change records, goes through four steps:
/// <list type="number">
/// <item><b>Lock.</b> Each item row, in position order, gets the batch id in its <c>lk</c> attribute
/// with one conditional update: the stored version must be the expected one and no other batch may
/// hold the row. A missing item gets a placeholder row (a lock and no version; readers see no item).
/// A version mismatch releases the locks taken so far and fails the batch; nothing was written.</item>
/// <item><b>Commit.</b> One conditional put of the <i>intent</i> row (collection <c>x/{table}</c>, key:
/// the batch id, condition: it does not exist) with status C and the whole batch (every item image
/// and change record; in blob chunks past 350 KB). This single write is the commit point.</item>
/// <item><b>Apply.</b> Each item row is replaced by its new image (or deleted), conditional on still
/// holding this batch's lock, which the new row no longer has; change records are plain puts keyed
/// by log and sequence. Every step is idempotent, so anyone may repeat it.</item>
/// <item><b>Forget.</b> The intent row is deleted.</item>
/// </list>
/// Whoever meets a locked row settles it first: if the batch's intent says C, it applies the whole
/// batch (roll forward); if the batch is undecided, a reader sees the committed value and a writer
/// waits until the lock is older than <see cref="DynamoDbStoreOptions.LockTimeout"/>, then writes an
/// intent with status A (abort, conditional on no intent existing, so it cannot race the commit)
/// and removes the lock. Reading a change log first completes the table's committed intents, so a
/// committed change record is never missing. Hence after a crash at any point a batch is either
/// entirely applied (its intent was written) or not at all (it was not), even with several writers
/// (a stray second activation, or the transaction ledger's concurrent deciders).
/// A single item write without change records is one conditional put or delete (no other batch may
/// hold the row), and needs no intent.
/// </summary>
public sealed partial class DynamoDbTableStore
{
    private static readonly Comparer<byte[]> ByteOrder = Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));
    private static readonly TimeSpan AbortRecordRetention = TimeSpan.FromDays(1);
    private const int MaxTransactItems = 100;

    /// <summary>
    /// For fault-injection tests: awaited after each step of this store's own batches. An exception
    /// thrown here stops the batch at that point, as a crash of the writer would.
    /// </summary>
    public Func<BatchStep, Task>? OnBatchStep { get; set; }

    private Task StepAsync(BatchStep step) => OnBatchStep?.Invoke(step) ?? Task.CompletedTask;

    public async ValueTask WriteAsync(Guid tableId, IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord>? changes = null,
        IReadOnlyList<IndexEntryWrite>? indexEntries = null)
    {
        await ReadyAsync();
        changes ??= [];
        indexEntries ??= [];
        if (writes.Count == 0 && changes.Count == 0 && indexEntries.Count == 0) return;
        if (indexEntries.Count > 0)
        {
            // Index entries ride in the batch intent, so they are applied with their items or not at all.
            await WriteBatchAsync(tableId, writes, changes, indexEntries);
            return;
        }
        foreach (var w in writes)
            if (w.Position.Length == 0) throw new ArgumentException("An item position must not be empty", nameof(writes));
        if (writes.Count == 1 && changes.Count == 0)
        {
            await WriteOneAsync(tableId, writes[0]);
            return;
        }
        if (_options.UseTransactWriteItems && writes.Count + changes.Count <= MaxTransactItems)
        {
            await WriteTransactionAsync(tableId, writes, changes);
            return;
        }
        await WriteBatchAsync(tableId, writes, changes, []);
    }

    private async Task WriteOneAsync(Guid tableId, ItemWrite write)
    {
        var writeId = Guid.NewGuid();
        var row = write.Attributes is null ? null : await ItemRowAsync(tableId, write, StoreKeys.BlobRef(writeId, 0));
        if (row is not null) row["w"] = Attr.B(writeId.ToByteArray(bigEndian: true));
        while (true)
        {
            var values = new Dictionary<string, AttributeValue>();
            var condition = "attribute_not_exists(lk) AND " + VersionCondition(write.ExpectedVersion, values);
            try
            {
                var old = row is null
                    ? (await _db.DeleteItemAsync(new DeleteItemRequest
                    {
                        TableName = TableName,
                        Key = RowKey(StoreKeys.Items(tableId), write.Position),
                        ConditionExpression = condition,
                        ExpressionAttributeValues = values.Count > 0 ? values : null,
                        ReturnValues = ReturnValue.ALL_OLD,
                    })).Attributes
                    : (await _db.PutItemAsync(new PutItemRequest
                    {
                        TableName = TableName,
                        Item = row,
                        ConditionExpression = condition,
                        ExpressionAttributeValues = values.Count > 0 ? values : null,
                        ReturnValues = ReturnValue.ALL_OLD,
                    })).Attributes;
                await DropReplacedBlobAsync(tableId, old, row);
                return;
            }
            catch (ConditionalCheckFailedException)
            {
                var current = await GetRowAsync(tableId, write.Position);
                // An SDK retry of a put that had succeeded: the row carries this write's id.
                if (current?.WriteId == writeId) return;
                if (row is null && current is null) return;
                try
                {
                    await OnConflictAsync(tableId, write, current, ownBatch: null);
                }
                catch (VersionConflictException) when (row?.GetB("bid") is { } blob)
                {
                    await DeleteBlobAsync(tableId, blob, (int)(row.GetN("bn") ?? 0));
                    throw;
                }
            }
        }
    }

    private async Task WriteBatchAsync(Guid tableId, IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord> changes, IReadOnlyList<IndexEntryWrite> indexEntries)
    {
        var batch = Guid.NewGuid();
        var locked = new List<byte[]>();
        try
        {
            foreach (var write in writes.OrderBy(w => w.Position, ByteOrder))
            {
                await LockAsync(tableId, batch, write);
                locked.Add(write.Position);
            }
        }
        catch (VersionConflictException)
        {
            await ReleaseAsync(tableId, batch, locked);
            throw;
        }
        await StepAsync(BatchStep.Locked);

        var intent = RowKey(StoreKeys.Intents(tableId), StoreKeys.Intent(batch));
        intent["st"] = Attr.S("C");
        intent["at"] = Attr.N(_clock.GetUtcNow().ToUnixTimeMilliseconds());
        var body = IntentBody.Encode(writes, changes, indexEntries);
        if (body.Length <= InlineLimit) intent["d"] = Attr.B(body);
        else
        {
            var blob = StoreKeys.BlobRef(batch, ushort.MaxValue);
            await WriteBlobAsync(tableId, blob, body);
            intent["bid"] = Attr.B(blob);
            intent["bn"] = Attr.N(ChunkCount(body.Length));
        }
        try
        {
            await _db.PutItemAsync(new PutItemRequest { TableName = TableName, Item = intent, ConditionExpression = "attribute_not_exists(pk)" });
        }
        catch (ConditionalCheckFailedException)
        {
            // Either an SDK retry of this very put (the intent says C) or another writer aborted the batch.
            var standing = await GetIntentAsync(tableId, batch);
            if (standing?.GetS("st") != "C")
            {
                await ReleaseAsync(tableId, batch, locked);
                throw new StoreWriteAbortedException(batch);
            }
        }
        await StepAsync(BatchStep.Committed);
        await ApplyAsync(tableId, batch, writes, changes, indexEntries, intent, mine: true);
    }

    /// <summary>Step 1: takes the batch's lock on one item row, settling other batches' locks in the way.</summary>
    private async Task LockAsync(Guid tableId, Guid batch, ItemWrite write)
    {
        while (true)
        {
            var values = new Dictionary<string, AttributeValue>
            {
                [":x"] = Attr.B(batch.ToByteArray(bigEndian: true)),
                [":now"] = Attr.N(_clock.GetUtcNow().ToUnixTimeMilliseconds()),
            };
            var condition = "(attribute_not_exists(lk) OR lk = :x) AND " + VersionCondition(write.ExpectedVersion, values);
            try
            {
                await _db.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = RowKey(StoreKeys.Items(tableId), write.Position),
                    UpdateExpression = "SET lk = :x, la = :now",
                    ConditionExpression = condition,
                    ExpressionAttributeValues = values,
                });
                return;
            }
            catch (ConditionalCheckFailedException)
            {
                await OnConflictAsync(tableId, write, await GetRowAsync(tableId, write.Position), batch);
            }
        }
    }

    /// <summary>After a failed condition: settles another batch's lock (the caller retries), or reports the version conflict.</summary>
    private async Task OnConflictAsync(Guid tableId, ItemWrite write, StoreRow? current, Guid? ownBatch)
    {
        if (current?.Lock is { } other && other != ownBatch)
        {
            await SettleForWriterAsync(tableId, other, current);
            return;
        }
        var actual = current?.Version ?? 0;
        if (actual != write.ExpectedVersion) throw new VersionConflictException(write.Position, write.ExpectedVersion, actual);
        // The row changed back between the write and the read (a lock came and went): try again.
    }

    /// <summary>Steps 3 and 4: writes every image and change record of a committed batch, then forgets its intent. Idempotent.</summary>
    private async Task ApplyAsync(Guid tableId, Guid batch, IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord> changes,
        IReadOnlyList<IndexEntryWrite> indexEntries, Dictionary<string, AttributeValue> intent, bool mine = false)
    {
        var lockValue = new Dictionary<string, AttributeValue> { [":x"] = Attr.B(batch.ToByteArray(bigEndian: true)) };
        var tasks = new List<Task>(writes.Count + 1);
        for (var i = 0; i < writes.Count; i++)
        {
            var applied = ApplyItemAsync(tableId, writes[i], StoreKeys.BlobRef(batch, (ushort)i), lockValue);
            if (mine && OnBatchStep is not null)
            {
                // Fault injection: one write at a time, so a stop leaves the rest unapplied.
                await applied;
                await StepAsync(BatchStep.ItemApplied);
            }
            else tasks.Add(applied);
        }
        tasks.Add(PutChangesAsync(tableId, batch, changes));
        tasks.Add(ApplyIndexEntriesAsync(tableId, indexEntries));
        await Task.WhenAll(tasks);
        await _db.DeleteItemAsync(new DeleteItemRequest { TableName = TableName, Key = RowKey(StoreKeys.Intents(tableId), StoreKeys.Intent(batch)) });
        if (intent.GetB("bid") is { } bodyBlob) await DeleteBlobAsync(tableId, bodyBlob, (int)(intent.GetN("bn") ?? 0));
    }

    private async Task ApplyItemAsync(Guid tableId, ItemWrite write, byte[] blobRef, Dictionary<string, AttributeValue> lockValue)
    {
        try
        {
            if (write.Attributes is null)
            {
                var old = (await _db.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = TableName,
                    Key = RowKey(StoreKeys.Items(tableId), write.Position),
                    ConditionExpression = "lk = :x",
                    ExpressionAttributeValues = lockValue,
                    ReturnValues = ReturnValue.ALL_OLD,
                })).Attributes;
                await DropReplacedBlobAsync(tableId, old, null);
            }
            else
            {
                var row = await ItemRowAsync(tableId, write, blobRef);
                var old = (await _db.PutItemAsync(new PutItemRequest
                {
                    TableName = TableName,
                    Item = row,
                    ConditionExpression = "lk = :x",
                    ExpressionAttributeValues = lockValue,
                    ReturnValues = ReturnValue.ALL_OLD,
                })).Attributes;
                await DropReplacedBlobAsync(tableId, old, row);
            }
        }
        catch (ConditionalCheckFailedException)
        {
            // The lock is gone: this write was applied already (by the writer or another roll-forward).
        }
    }

    private async Task PutChangesAsync(Guid tableId, Guid batch, IReadOnlyList<ChangeRecord> changes)
    {
        var rows = new List<Dictionary<string, AttributeValue>>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var row = RowKey(StoreKeys.Changes(tableId), StoreKeys.Change(change.Log, change.Sequence));
            if (change.Payload.Length > InlineLimit)
            {
                var blob = StoreKeys.BlobRef(batch, (ushort)(0x8000 + i));
                await WriteBlobAsync(tableId, blob, change.Payload);
                row["bid"] = Attr.B(blob);
                row["bn"] = Attr.N(ChunkCount(change.Payload.Length));
            }
            else if (change.Payload.Length > 0) row["d"] = Attr.B(change.Payload);
            rows.Add(row);
        }
        await PutRowsAsync(rows);
    }

    /// <summary>Removes the batch's locks from rows it holds (after a conflict or an abort); placeholders go entirely.</summary>
    private Task ReleaseAsync(Guid tableId, Guid batch, IEnumerable<byte[]> positions) =>
        Task.WhenAll(positions.Select(async position =>
        {
            var key = RowKey(StoreKeys.Items(tableId), position);
            var values = new Dictionary<string, AttributeValue> { [":x"] = Attr.B(batch.ToByteArray(bigEndian: true)) };
            try
            {
                await _db.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = key,
                    UpdateExpression = "REMOVE lk, la",
                    ConditionExpression = "lk = :x AND attribute_exists(v)",
                    ExpressionAttributeValues = values,
                });
            }
            catch (ConditionalCheckFailedException)
            {
                try
                {
                    await _db.DeleteItemAsync(new DeleteItemRequest
                    {
                        TableName = TableName,
                        Key = RowKey(StoreKeys.Items(tableId), position),
                        ConditionExpression = "lk = :x AND attribute_not_exists(v)",
                        ExpressionAttributeValues = values,
                    });
                }
                catch (ConditionalCheckFailedException)
                {
                    // not held by this batch any more
                }
            }
        }));

    /// <summary>A writer met a row locked by another batch: complete it if committed, abort it if abandoned, else wait a moment.</summary>
    private async Task SettleForWriterAsync(Guid tableId, Guid batch, StoreRow row)
    {
        var intent = await GetIntentAsync(tableId, batch);
        switch (intent?.GetS("st"))
        {
            case "C":
                await RollForwardAsync(tableId, batch, intent);
                return;
            case "A":
                await ReleaseAsync(tableId, batch, [row.Position]);
                return;
        }
        var age = _clock.GetUtcNow().ToUnixTimeMilliseconds() - row.LockedAtMs;
        if (age < _options.LockTimeout.TotalMilliseconds)
        {
            // The batch is in progress; its writer decides within a few round trips. DynamoDB offers
            // nothing to wait on, so look again shortly.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(_options.LockTimeout.TotalMilliseconds - age, 1, 20)), _clock);
            return;
        }
        DynamoDbStoreLog.AbortingAbandoned(_logger, batch, tableId, _options.LockTimeout);
        var abort = RowKey(StoreKeys.Intents(tableId), StoreKeys.Intent(batch));
        abort["st"] = Attr.S("A");
        abort["at"] = Attr.N(_clock.GetUtcNow().ToUnixTimeMilliseconds());
        try
        {
            await _db.PutItemAsync(new PutItemRequest { TableName = TableName, Item = abort, ConditionExpression = "attribute_not_exists(pk)" });
        }
        catch (ConditionalCheckFailedException)
        {
            return; // decided meanwhile; the caller looks again
        }
        await ReleaseAsync(tableId, batch, [row.Position]);
    }

    /// <summary>
    /// A reader met a row locked by <paramref name="batch"/>: returns the row whose committed value is
    /// current (the same row if the batch is undecided or aborted), after completing a committed batch.
    /// </summary>
    private async Task<StoreRow?> SettleForReaderAsync(Guid tableId, Guid batch, StoreRow row)
    {
        var intent = await GetIntentAsync(tableId, batch);
        if (intent?.GetS("st") == "C")
        {
            await RollForwardAsync(tableId, batch, intent);
            return await GetRowAsync(tableId, row.Position);
        }
        if (intent is not null) return row;
        // No intent: undecided, or committed, applied and forgotten since the row was read. Look again.
        var again = await GetRowAsync(tableId, row.Position);
        return again is not null && again.Lock == batch && again.Version == row.Version ? row : again;
    }

    private async Task RollForwardAsync(Guid tableId, Guid batch, Dictionary<string, AttributeValue> intent)
    {
        var body = intent.GetB("d") ?? (intent.GetB("bid") is { } blob ? await ReadBlobAsync(tableId, blob, (int)(intent.GetN("bn") ?? 0)) : null);
        if (body is null) return; // its chunks are gone: the batch was completed meanwhile
        DynamoDbStoreLog.RollingForward(_logger, batch, tableId);
        var (writes, changes, indexEntries) = IntentBody.Decode(body);
        await ApplyAsync(tableId, batch, writes, changes, indexEntries, intent);
    }

    /// <summary>Completes every committed batch of a table (before its change logs are read), and drops old abort records.</summary>
    private async Task CompleteCommittedBatchesAsync(Guid tableId)
    {
        var old = _clock.GetUtcNow().Subtract(AbortRecordRetention).ToUnixTimeMilliseconds();
        await foreach (var intent in QueryAsync(StoreKeys.Intents(tableId), null, null, forward: true, int.MaxValue))
        {
            var batch = StoreKeys.BatchOf(intent.GetB("sk")!);
            if (intent.GetS("st") == "C") await RollForwardAsync(tableId, batch, intent);
            else if ((intent.GetN("at") ?? 0) < old)
                await _db.DeleteItemAsync(new DeleteItemRequest { TableName = TableName, Key = RowKey(StoreKeys.Intents(tableId), StoreKeys.Intent(batch)) });
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> GetIntentAsync(Guid tableId, Guid batch)
    {
        var response = await _db.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = RowKey(StoreKeys.Intents(tableId), StoreKeys.Intent(batch)),
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>
    /// The batch as one TransactWriteItems call (real DynamoDB): each item conditional on its version
    /// and on no intent-protocol lock, change records as plain puts.
    /// </summary>
    private async Task WriteTransactionAsync(Guid tableId, IReadOnlyList<ItemWrite> writes, IReadOnlyList<ChangeRecord> changes)
    {
        var id = Guid.NewGuid();
        var items = new List<TransactWriteItem>();
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            var values = new Dictionary<string, AttributeValue>();
            var condition = "attribute_not_exists(lk) AND " + VersionCondition(write.ExpectedVersion, values);
            var vals = values.Count > 0 ? values : null;
            items.Add(write.Attributes is null
                ? new TransactWriteItem { Delete = new Delete { TableName = TableName, Key = RowKey(StoreKeys.Items(tableId), write.Position), ConditionExpression = condition, ExpressionAttributeValues = vals } }
                : new TransactWriteItem { Put = new Put { TableName = TableName, Item = await ItemRowAsync(tableId, write, StoreKeys.BlobRef(id, (ushort)i)), ConditionExpression = condition, ExpressionAttributeValues = vals } });
        }
        foreach (var change in changes)
        {
            if (change.Payload.Length > InlineLimit) throw new NotSupportedException("Change records over 350 KB need the batch-intent protocol");
            var row = RowKey(StoreKeys.Changes(tableId), StoreKeys.Change(change.Log, change.Sequence));
            if (change.Payload.Length > 0) row["d"] = Attr.B(change.Payload);
            items.Add(new TransactWriteItem { Put = new Put { TableName = TableName, Item = row } });
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items, ClientRequestToken = id.ToString("N") });
                return;
            }
            catch (TransactionCanceledException e)
            {
                var reasons = e.CancellationReasons ?? [];
                var failed = reasons.FindIndex(r => r.Code == "ConditionalCheckFailed");
                if (failed >= 0 && failed < writes.Count)
                {
                    var write = writes[failed];
                    await OnConflictAsync(tableId, write, await GetRowAsync(tableId, write.Position), ownBatch: null);
                }
                else if (attempt >= 10 || !reasons.Exists(r => r.Code == "TransactionConflict")) throw;
                else await Task.Delay(10 << Math.Min(attempt, 5));
            }
        }
    }

    private async Task<Dictionary<string, AttributeValue>> ItemRowAsync(Guid tableId, ItemWrite write, byte[] blobRef)
    {
        var row = RowKey(StoreKeys.Items(tableId), write.Position);
        row["v"] = Attr.N(write.NewVersion);
        var data = ItemCodec.Encode(write.Attributes!);
        if (data.Length <= InlineLimit) row["d"] = Attr.B(data);
        else
        {
            await WriteBlobAsync(tableId, blobRef, data);
            row["bid"] = Attr.B(blobRef);
            row["bn"] = Attr.N(ChunkCount(data.Length));
        }
        return row;
    }

    /// <summary>Deletes the chunks of a value that a write replaced (readers that still see the old row read it again).</summary>
    private async Task DropReplacedBlobAsync(Guid tableId, Dictionary<string, AttributeValue>? old, Dictionary<string, AttributeValue>? now)
    {
        if (old?.GetB("bid") is not { } oldBlob) return;
        if (now?.GetB("bid") is { } newBlob && newBlob.AsSpan().SequenceEqual(oldBlob)) return;
        await DeleteBlobAsync(tableId, oldBlob, (int)(old.GetN("bn") ?? 0));
    }

    private static string VersionCondition(long expected, Dictionary<string, AttributeValue> values)
    {
        if (expected == 0) return "attribute_not_exists(v)";
        values[":e"] = Attr.N(expected);
        return "v = :e";
    }
}
