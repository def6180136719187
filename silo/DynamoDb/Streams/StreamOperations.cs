using System.Globalization;
using System.Text.Json;
using DataTier.Catalog;
using DataTier.Configuration;
using DataTier.Errors;
using DataTier.Store;
using DataTier.Streams;
using DataTier.Tables;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.DynamoDb.Streams;

/// <summary>
/// The DynamoDB Streams API (<c>DynamoDBStreams_20120810.*</c>): a table's stream has one shard per
/// partition, read straight from the partitions' change logs in the store. A split closes its
/// partition's shard (EndingSequenceNumber) and opens one per child (ParentShardId).
/// </summary>
public sealed class StreamOperations(IGrainFactory grains, ITableStore store, IOptions<StreamOptions> options, TimeProvider time)
{
    private const int MaxRecords = 1000;

    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    public async Task ListStreams(ApiRequest r, Utf8JsonWriter w)
    {
        var tableName = r.String("TableName");
        var limit = r.Int("Limit") ?? 100;
        var start = r.String("ExclusiveStartStreamArn");
        if (limit is < 1 or > 100) r.Invalid("limit", limit, limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 100");
        r.ThrowIfInvalid();
        var streams = new List<TableDescription>();
        if (tableName is not null)
        {
            var table = await Catalog.Describe(tableName)
                ?? throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {tableName} not found");
            if (table.LatestStreamLabel is not null) streams.Add(table);
        }
        else
        {
            string? after = null;
            do
            {
                var page = await Catalog.List(after, 100);
                foreach (var name in page.TableNames)
                    if (await Catalog.Describe(name) is { LatestStreamLabel: not null } table) streams.Add(table);
                after = page.LastEvaluatedTableName;
            } while (after is not null);
        }
        var ordered = streams.Select(t => (Table: t, Arn: t.LatestStreamArn!)).OrderBy(s => s.Arn, StringComparer.Ordinal)
            .Where(s => start is null || string.CompareOrdinal(s.Arn, start) > 0).ToList();
        w.WriteStartObject();
        w.WriteStartArray("Streams");
        foreach (var (table, arn) in ordered.Take(limit))
        {
            w.WriteStartObject();
            w.WriteString("StreamArn", arn);
            w.WriteString("TableName", table.Name);
            w.WriteString("StreamLabel", table.LatestStreamLabel);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (ordered.Count > limit) w.WriteString("LastEvaluatedStreamArn", ordered[limit - 1].Arn);
        w.WriteEndObject();
    }

    public async Task DescribeStream(ApiRequest r, Utf8JsonWriter w)
    {
        var arn = r.Required(r.String("StreamArn"), "streamArn");
        var limit = r.Int("Limit") ?? 100;
        var startShard = r.String("ExclusiveStartShardId");
        r.ThrowIfInvalid();
        var (table, label) = await FindStreamAsync(arn!);
        var enabled = IsOpen(table, label);
        w.WriteStartObject();
        w.WriteStartObject("StreamDescription");
        w.WriteString("StreamArn", arn);
        w.WriteString("StreamLabel", label);
        w.WriteString("StreamStatus", enabled ? "ENABLED" : "DISABLED");
        w.WriteString("StreamViewType", (table.LatestStreamViewType ?? StreamViewType.KEYS_ONLY).ToString());
        if (DateTime.TryParseExact(label, "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created))
            w.WriteEpochSeconds("CreationRequestDateTime", new DateTimeOffset(created, TimeSpan.Zero));
        w.WriteString("TableName", table.Name);
        w.WriteStartArray("KeySchema");
        foreach (var (key, type) in new[] { (table.KeySchema.PartitionKey, "HASH"), (table.KeySchema.SortKey, "RANGE") })
        {
            if (key is null) continue;
            w.WriteStartObject();
            w.WriteString("AttributeName", key.Name);
            w.WriteString("KeyType", type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("Shards");
        var map = table.Partitions;
        var startId = startShard is null ? -1 : StreamNames.PartitionOf(startShard, map);
        // Ids grow with each split, so parents come before their children, as DynamoDB lists them.
        var shards = map.AllIds.Where(id => id > startId).ToList();
        foreach (var partition in shards.Take(limit))
        {
            var log = StreamLog.NameOf(label, partition);
            var lastSequence = await store.LastChangeSequenceAsync(table.Id, log);
            var firstRetained = await FirstRetainedAsync(table.Id, log);
            if (lastSequence == 0) lastSequence = await AncestorsLastSequenceAsync(table, label, partition);
            w.WriteStartObject();
            w.WriteString("ShardId", StreamNames.ShardId(partition));
            if (map.ParentOf(partition) is { } parent) w.WriteString("ParentShardId", StreamNames.ShardId(parent));
            w.WriteStartObject("SequenceNumberRange");
            w.WriteString("StartingSequenceNumber", StreamNames.Sequence(firstRetained ?? lastSequence + 1));
            if (!enabled || map.IsRetired(partition)) w.WriteString("EndingSequenceNumber", StreamNames.Sequence(lastSequence));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (shards.Count > limit) w.WriteString("LastEvaluatedShardId", StreamNames.ShardId(shards[limit - 1]));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public async Task GetShardIterator(ApiRequest r, Utf8JsonWriter w)
    {
        var arn = r.Required(r.String("StreamArn"), "streamArn");
        var shardId = r.Required(r.String("ShardId"), "shardId");
        var type = r.Required(r.String("ShardIteratorType"), "shardIteratorType");
        var sequenceText = r.String("SequenceNumber");
        if (type is not null and not ("TRIM_HORIZON" or "LATEST" or "AT_SEQUENCE_NUMBER" or "AFTER_SEQUENCE_NUMBER"))
            r.Invalid("shardIteratorType", type, "Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
        r.ThrowIfInvalid();
        var (table, label) = await FindStreamAsync(arn!);
        var partition = StreamNames.PartitionOf(shardId!, table.Partitions);
        var log = StreamLog.NameOf(label, partition);
        long next;
        if (type is "TRIM_HORIZON")
        {
            next = 0;
        }
        else if (type is "LATEST")
        {
            next = await store.LastChangeSequenceAsync(table.Id, log) + 1;
        }
        else
        {
            if (sequenceText is null)
                throw DynamoException.Validation("Must specify SequenceNumber for AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER shard iterator types");
            var sequence = StreamNames.ParseSequence(sequenceText);
            var lastSequence = await store.LastChangeSequenceAsync(table.Id, log);
            if (sequence > lastSequence)
                throw DynamoException.Validation($"Invalid SequenceNumber {sequenceText} for shard {shardId}: it is beyond the end of the shard");
            var firstRetained = await FirstRetainedAsync(table.Id, log);
            if (firstRetained is null || sequence < firstRetained)
                throw new DynamoException(DynamoErrorCode.TrimmedDataAccessException,
                    $"The requested sequence number {sequenceText} is beyond the trim horizon of shard {shardId}");
            next = type == "AT_SEQUENCE_NUMBER" ? sequence : sequence + 1;
        }
        var iterator = new ShardIterator(table.Name, table.Id, label, partition, next, time.GetUtcNow().ToUnixTimeMilliseconds());
        w.WriteStartObject();
        w.WriteString("ShardIterator", iterator.Encode());
        w.WriteEndObject();
    }

    public async Task GetRecords(ApiRequest r, Utf8JsonWriter w)
    {
        var text = r.Required(r.String("ShardIterator"), "shardIterator");
        var limit = r.Int("Limit") ?? MaxRecords;
        if (limit is < 1 or > MaxRecords) r.Invalid("limit", limit, limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 1000");
        r.ThrowIfInvalid();
        var iterator = ShardIterator.Decode(text!);
        var now = time.GetUtcNow();
        if (now.ToUnixTimeMilliseconds() - iterator.IssuedMs > (long)ShardIterator.Lifetime.TotalMilliseconds)
            throw new DynamoException(DynamoErrorCode.ExpiredIteratorException,
                $"Iterator expired. The iterator was created at time {DateTimeOffset.FromUnixTimeMilliseconds(iterator.IssuedMs):R} while right now it is {now:R}. The iterator is valid for 15 minutes.");
        var table = await Catalog.Describe(iterator.TableName);
        if (table is null || table.Id != iterator.TableId)
            throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, "Requested resource not found: Stream has been deleted");
        var log = StreamLog.NameOf(iterator.Label, iterator.Partition);
        var horizon = now.ToUnixTimeMilliseconds() - (long)options.Value.RetentionPeriod.TotalMilliseconds;
        var records = new List<StreamRecord>();
        var next = iterator.NextSequence;
        while (records.Count < limit)
        {
            var batch = await store.ReadChangesAsync(table.Id, log, next, limit - records.Count);
            foreach (var change in batch)
            {
                var record = StreamRecordCodec.Decode(change.Sequence, change.Payload);
                if (record.CreatedMs >= horizon) records.Add(record);
                next = change.Sequence + 1;
            }
            if (batch.Count < limit - records.Count || batch.Count == 0) break;
        }
        w.WriteStartObject();
        w.WriteStartArray("Records");
        foreach (var record in records) StreamRecordJson.Write(w, record, table.Id, iterator.Partition);
        w.WriteEndArray();
        // A closed shard (its stream disabled, or its partition split) ends once read to the end: no next iterator.
        if ((IsOpen(table, iterator.Label) && !table.Partitions.IsRetired(iterator.Partition)) || records.Count > 0)
            w.WriteString("NextShardIterator", (iterator with { NextSequence = next, IssuedMs = now.ToUnixTimeMilliseconds() }).Encode());
        w.WriteEndObject();
    }

    private async Task<(TableDescription Table, string Label)> FindStreamAsync(string arn)
    {
        var (name, label) = StreamNames.ParseArn(arn);
        var table = await Catalog.Describe(name);
        if (table is null || table.LatestStreamLabel != label) throw StreamNames.NotFound(arn);
        return (table, label);
    }

    private static bool IsOpen(TableDescription table, string label) => table.StreamViewType is not null && table.LatestStreamLabel == label;

    /// <summary>The highest sequence number in the shards a partition was split from: an empty child's first record numbers on from it.</summary>
    private async Task<long> AncestorsLastSequenceAsync(TableDescription table, string label, int partition)
    {
        long last = 0;
        for (var ancestor = table.Partitions.ParentOf(partition); ancestor is { } id; ancestor = table.Partitions.ParentOf(id))
            last = Math.Max(last, await store.LastChangeSequenceAsync(table.Id, StreamLog.NameOf(label, id)));
        return last;
    }

    /// <summary>The sequence of the oldest record of a shard still within the retention period; null when there is none.</summary>
    private async Task<long?> FirstRetainedAsync(Guid tableId, string log)
    {
        var horizon = time.GetUtcNow().ToUnixTimeMilliseconds() - (long)options.Value.RetentionPeriod.TotalMilliseconds;
        for (long from = 0; ;)
        {
            var batch = await store.ReadChangesAsync(tableId, log, from, 256);
            foreach (var change in batch)
                if (StreamRecordCodec.Decode(change.Sequence, change.Payload).CreatedMs >= horizon) return change.Sequence;
            if (batch.Count < 256) return null;
            from = batch[^1].Sequence + 1;
        }
    }
}
