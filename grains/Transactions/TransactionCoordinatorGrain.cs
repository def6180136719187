using DataTier.Configuration;
using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace DataTier.Transactions;

/// <summary>
/// Two-phase commit over partition grains with a durable outcome: prepare everywhere (conditions
/// checked, items locked in the store), then record Committed in the ledger (conditionally, so a
/// partition that gave up on the transaction and recorded Aborted wins instead), then commit
/// everywhere. Once Committed is recorded the transaction is done: partitions that miss the commit
/// message apply it themselves from the ledger the next time the item is touched or their lock times out.
/// </summary>
[StatelessWorker, Reentrant]
public sealed partial class TransactionCoordinatorGrain(
    ITableStore store,
    IOptions<TransactionOptions> options,
    TimeProvider time,
    ILogger<TransactionCoordinatorGrain> logger) : Grain, ITransactionCoordinatorGrain
{
    private const int CommitAttempts = 3;

    /// <summary>Client tokens of transactions running on this silo: a repeat that arrives meanwhile is told so.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> InFlight = new(StringComparer.Ordinal);

    public async Task<TransactWriteOutcome> Write(TransactWriteCommand command)
    {
        if (command.ClientRequestToken is not { } token) return await RunAsync(command);
        if (!InFlight.TryAdd(token, 0))
            throw new DynamoException(DynamoErrorCode.TransactionInProgressException, "The transaction with the given request token is already in progress.");
        try
        {
            return await RunAsync(command);
        }
        finally
        {
            InFlight.TryRemove(token, out _);
        }
    }

    private async Task<TransactWriteOutcome> RunAsync(TransactWriteCommand command)
    {
        TokenRecord? previous = null;
        if (command.ClientRequestToken is { } clientToken)
        {
            previous = await TransactionLedger.ReadTokenAsync(store, clientToken);
            if (previous is not null && NowMs() - previous.CommittedAtMs < (long)options.Value.IdempotencyWindow.TotalMilliseconds)
                return previous.RequestHash == command.RequestHash ? Repeated(command) : throw IdempotentMismatch();
        }

        var id = Guid.NewGuid();
        var partitions = command.Participants.Select(p => GrainFactory.GetGrain<IPartitionGrain>(p.PartitionGrainKey)).ToArray();
        var votes = command.Participants.Select((p, i) => partitions[i].Prepare(id, p.Operations)).ToArray();
        try
        {
            await Task.WhenAll(votes);
        }
        catch
        {
            await AbortAsync(id, partitions.Where((_, i) => votes[i].IsCompletedSuccessfully && votes[i].Result.Failures is null));
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(votes.First(v => v.IsFaulted).Exception!.InnerException!);
            throw;
        }

        var sizes = new int[command.OperationCount];
        double[]? indexUnits = null;
        long?[]? collections = null;
        var reasons = Enumerable.Repeat(CancellationReason.None, command.OperationCount).ToArray();
        var cancelled = false;
        for (var p = 0; p < votes.Length; p++)
        {
            var vote = votes[p].Result;
            var operations = command.Participants[p].Operations;
            for (var o = 0; o < operations.Count; o++)
            {
                sizes[operations[o].Index] = vote.ItemBytes[o];
                if (vote.IndexUnits?[o] is > 0 and var units) (indexUnits ??= new double[command.OperationCount])[operations[o].Index] = units;
                if (vote.CollectionBytes?[o] is { } collection) (collections ??= new long?[command.OperationCount])[operations[o].Index] = collection;
                if (vote.Failures is null) continue;
                reasons[operations[o].Index] = vote.Failures[o];
                cancelled = true;
            }
        }
        if (cancelled)
        {
            await AbortAsync(id, partitions.Where((_, i) => votes[i].Result.Failures is null));
            throw DynamoException.TransactionCanceled(reasons);
        }

        TransactionStatus outcome;
        try
        {
            var now = NowMs();
            var tokenWrite = command.ClientRequestToken is { } t ? TransactionLedger.TokenWrite(t, command.RequestHash, now, previous) : null;
            outcome = await TransactionLedger.DecideAsync(store, id, TransactionStatus.Committed, now, tokenWrite);
        }
        catch (TokenConflictException)
        {
            await AbortAsync(id, partitions);
            var winner = await TransactionLedger.ReadTokenAsync(store, command.ClientRequestToken!);
            return winner?.RequestHash == command.RequestHash ? Repeated(command) : throw IdempotentMismatch();
        }
        if (outcome != TransactionStatus.Committed)
        {
            // A partition waited longer than the lock timeout and decided the transaction as aborted.
            await AbortAsync(id, partitions);
            throw DynamoException.TransactionCanceled(Enumerable.Repeat(CancellationReason.Conflict, command.OperationCount).ToList());
        }

        var acknowledged = await Task.WhenAll(partitions.Select(p => CommitAsync(id, p)));
        if (acknowledged.All(a => a)) await TransactionLedger.ForgetAsync(store, id);
        return new TransactWriteOutcome(sizes, Repeated: false, collections, indexUnits);
    }

    public async Task<IReadOnlyList<VersionedItem?>> Read(IReadOnlyList<TransactReadParticipant> participants, int keyCount)
    {
        var partitions = participants.Select(p => GrainFactory.GetGrain<IPartitionGrain>(p.PartitionGrainKey)).ToArray();
        var keys = participants.Select(p => (IReadOnlyList<ItemKey>)p.Keys.Select(k => k.Key).ToList()).ToArray();
        var conflicted = new HashSet<int>();
        for (var attempt = 1; ; attempt++)
        {
            conflicted.Clear();
            var reads = await Task.WhenAll(partitions.Select((p, i) => p.ReadForTransaction(keys[i])));
            for (var p = 0; p < reads.Length; p++)
                for (var k = 0; k < reads[p].Conflicts.Count; k++)
                    if (reads[p].Conflicts[k]) conflicted.Add(participants[p].Keys[k].Index);

            // One partition answers in one grain turn, which is a snapshot by itself; several are checked again.
            var consistent = conflicted.Count == 0 && (partitions.Length == 1 || (await Task.WhenAll(partitions.Select((p, i) =>
                p.ValidateRead(keys[i], reads[i].Items.Select(item => item?.Version ?? 0).ToList(), reads[i].Incarnation, reads[i].DeleteCount)))).All(v => v));
            if (consistent)
            {
                var items = new VersionedItem?[keyCount];
                for (var p = 0; p < reads.Length; p++)
                    for (var k = 0; k < reads[p].Items.Count; k++)
                        items[participants[p].Keys[k].Index] = reads[p].Items[k];
                return items;
            }
            if (attempt >= options.Value.ReadAttempts) break;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 << attempt)));
        }
        var reasons = Enumerable.Range(0, keyCount)
            .Select(i => conflicted.Count == 0 || conflicted.Contains(i) ? CancellationReason.Conflict : CancellationReason.None)
            .ToList();
        throw DynamoException.TransactionCanceled(reasons);
    }

    private async Task<bool> CommitAsync(Guid id, IPartitionGrain partition)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await partition.Commit(id);
                return true;
            }
            catch (DynamoException)
            {
                return false; // the table was deleted meanwhile
            }
            catch (Exception e) when (attempt >= CommitAttempts)
            {
                // Committed in the ledger: the partition applies it when it next meets the lock.
                LogCommitDeferred(logger, id, partition.GetPrimaryKeyString(), e);
                return false;
            }
            catch (Exception)
            {
                // A silo lost or a partition moving: the next attempt finds the partition where it lives now.
            }
        }
    }

    private async Task AbortAsync(Guid id, IEnumerable<IPartitionGrain> partitions)
    {
        await Task.WhenAll(partitions.Select(async p =>
        {
            try
            {
                await p.Abort(id);
            }
            catch (Exception e)
            {
                // The lock times out and the partition aborts the transaction itself.
                LogAbortDeferred(logger, id, p.GetPrimaryKeyString(), e);
            }
        }));
    }

    private static TransactWriteOutcome Repeated(TransactWriteCommand command) => new(new int[command.OperationCount], Repeated: true);

    private static DynamoException IdempotentMismatch() => new(DynamoErrorCode.IdempotentParameterMismatchException,
        "Request with the same client token has already been processed with a different set of parameters");

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {TransactionId} committed; partition {Partition} did not acknowledge and applies it from the ledger")]
    private static partial void LogCommitDeferred(ILogger logger, Guid transactionId, string partition, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {TransactionId} aborted; partition {Partition} did not acknowledge and releases it after the lock timeout")]
    private static partial void LogAbortDeferred(ILogger logger, Guid transactionId, string partition, Exception exception);
}
