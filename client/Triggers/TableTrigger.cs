using DataTier.Catalog;
using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Streams;
using DataTier.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataTier.Client.Triggers;

/// <summary>
/// Runs a handler on every record of a table's stream: one loop per shard, in sequence order (so in
/// the order of the changes to each item), with a durable checkpoint per shard and trigger name. When
/// a partition splits, its shard closes and the loops of its two children start once it is read to
/// the end, so an item's changes stay in order across the split. A
/// shard's lease makes one instance of the trigger consume it at a time; after a restart, or when an
/// instance is lost and its lease runs out, consumption resumes after the checkpoint. A failing
/// handler is called again with the same record, with backoff, and holds up only its own shard.
/// Records arrive at least once (a crash between the handler and the checkpoint repeats one); each
/// carries its sequence number, which grows within the shard, for handlers that must be idempotent.
/// </summary>
public sealed partial class TableTrigger : IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly IServiceProvider? _services;
    private readonly Func<StreamRecord, CancellationToken, Task> _handler;
    private readonly TableTriggerOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly List<Task> _shards = [];
    private readonly HashSet<int> _started = [];
    private readonly Dictionary<int, TaskCompletionSource> _finished = [];

    private TableTrigger(IGrainFactory grains, IServiceProvider? services, string table, string name,
        Func<StreamRecord, CancellationToken, Task> handler, TableTriggerOptions options, ILogger logger)
    {
        _grains = grains;
        _services = services;
        TableName = table;
        Name = name;
        _handler = handler;
        _options = options;
        _logger = logger;
    }

    public string TableName { get; }

    public string Name { get; }

    /// <summary>
    /// Starts consuming the table's current stream. <paramref name="services"/> (the client's or silo's
    /// service provider) lets shards wake up on Orleans stream notifications; without it they poll.
    /// </summary>
    public static async Task<TableTrigger> StartAsync(IGrainFactory grains, string table, string name,
        Func<StreamRecord, CancellationToken, Task> handler, TableTriggerOptions? options = null, IServiceProvider? services = null, ILogger? logger = null)
    {
        RequestValidation.TableName(table);
        var description = await grains.GetGrain<ITableCatalogGrain>(0).Describe(table)
            ?? throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {table} not found");
        if (description.StreamViewType is null || description.LatestStreamLabel is null)
            throw DynamoException.Validation($"Table {table} has no enabled stream: enable one with StreamSpecification first");
        var trigger = new TableTrigger(grains, services, table, name, handler, options ?? new TableTriggerOptions(), logger ?? NullLogger.Instance);
        // Shards closed by splits too: a child is read only after its parent, whose checkpoint tells how far it got.
        foreach (var partition in description.Partitions.AllIds) trigger.StartShard(description, partition);
        return trigger;
    }

    private void StartShard(TableDescription table, int partition)
    {
        lock (_shards)
        {
            if (_stop.IsCancellationRequested || !_started.Add(partition)) return;
            _shards.Add(Task.Run(() => ConsumeAsync(table, partition)));
        }
    }

    /// <summary>Completed when the shard of <paramref name="partition"/> is closed and every record of it was handled.</summary>
    private TaskCompletionSource Finished(int partition)
    {
        lock (_finished)
        {
            if (!_finished.TryGetValue(partition, out var done)) _finished[partition] = done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return done;
        }
    }

    private async Task ConsumeAsync(TableDescription table, int partition)
    {
        var token = _stop.Token;
        if (table.Partitions.ParentOf(partition) is { } parent)
        {
            // Parent first, as DynamoDB asks of stream readers: an item's changes before the split come first.
            try
            {
                await Finished(parent).Task.WaitAsync(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var label = table.LatestStreamLabel!;
        var lease = _grains.GetGrain<ITriggerShardGrain>($"{Name}|{table.Id:N}|{label}|{partition}");
        var source = _grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(partition));
        using var wake = new SemaphoreSlim(0);
        await using var subscription = await ShardNotifications.SubscribeAsync(_services, table.Id, partition, wake, _logger);
        var closed = false;
        while (!token.IsCancellationRequested && !closed)
        {
            try
            {
                var checkpoint = await lease.Acquire(_owner, _options.LeaseDuration);
                if (checkpoint is null)
                {
                    // Another instance holds the shard; once it has read a closed shard to the end, the children may go on.
                    closed = (await source.ReadStream(label, await lease.Checkpoint() + 1, 1)) is { Closed: true, Records.Count: 0 };
                    if (!closed) await Task.Delay(_options.LeaseDuration / 3, token);
                    continue;
                }
                var batch = await source.ReadStream(label, checkpoint.Value + 1, _options.BatchSize);
                foreach (var record in batch.Records)
                {
                    await HandleAsync(record, partition, token);
                    await CommitAsync(lease, record.SequenceNumber, token);
                }
                if (batch.Records.Count == 0 && batch.NextSequence - 1 > checkpoint.Value) await CommitAsync(lease, batch.NextSequence - 1, token);
                closed = batch.Closed;
                if (batch.Records.Count == 0 && !closed) await wake.WaitAsync(_options.PollInterval, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The cluster is unreachable or a silo went away mid-call: try again shortly.
                LogShardError(_logger, Name, TableName, partition, e);
                await Task.Delay(_options.FirstRetryDelay * 5, token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        try
        {
            await lease.Release(_owner);
            if (closed) await FollowChildrenAsync(table, partition);
        }
        catch (Exception e)
        {
            LogShardError(_logger, Name, TableName, partition, e);
        }
    }

    /// <summary>A shard closed by a split: its children's consumers (started now if the split is newer than the trigger) may begin.</summary>
    private async Task FollowChildrenAsync(TableDescription table, int partition)
    {
        var split = table.Partitions.SplitOf(partition);
        if (split is null)
        {
            var current = await _grains.GetGrain<ITableCatalogGrain>(0).DescribeById(table.Id);
            split = current?.Partitions.SplitOf(partition);
            if (current is not null) table = current;
        }
        Finished(partition).TrySetResult();
        if (split is null) return;
        LogShardClosed(_logger, Name, TableName, partition, split.Left, split.Right);
        StartShard(table, split.Left);
        StartShard(table, split.Right);
    }
    private async Task HandleAsync(StreamRecord record, int partition, CancellationToken token)
    {
        var delay = _options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _handler(record, token);
                TriggerMetrics.RecordHandled(TableName, Name, record.CreatedMs);
                return;
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                LogHandlerFailed(_logger, Name, TableName, partition, record.SequenceNumber, attempt, e);
                await Task.Delay(delay, token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>Records progress; retried until it lands, so a lost silo never makes the handler see a record twice.</summary>
    private async Task CommitAsync(ITriggerShardGrain lease, long sequence, CancellationToken token)
    {
        var delay = _options.FirstRetryDelay;
        while (true)
        {
            try
            {
                if (!await lease.Commit(_owner, sequence, _options.LeaseDuration))
                    throw new InvalidOperationException("The shard's lease was taken over by another instance of the trigger");
                return;
            }
            catch (Exception e) when (e is not InvalidOperationException && !token.IsCancellationRequested)
            {
                await Task.Delay(delay, token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        while (true)
        {
            Task[] running;
            lock (_shards) running = [.. _shards];
            await Task.WhenAll(running);
            lock (_shards)
                if (_shards.Count == running.Length) break;
        }
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {Trigger} on {Table}, shard {Partition}: reading or checkpointing failed; retrying")]
    private static partial void LogShardError(ILogger logger, string trigger, string table, int partition, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {Trigger} on {Table}: shard {Partition} closed by a split; following its children {Left} and {Right}")]
    private static partial void LogShardClosed(ILogger logger, string trigger, string table, int partition, int left, int right);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {Trigger} on {Table}, shard {Partition}: the handler failed on record {Sequence} (attempt {Attempt}); retrying with backoff")]
    private static partial void LogHandlerFailed(ILogger logger, string trigger, string table, int partition, long sequence, int attempt, Exception exception);
}
