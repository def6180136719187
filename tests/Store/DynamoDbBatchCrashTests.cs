using DataTier.Model;
using DataTier.Store;
using DataTier.Store.DynamoDb;
using DataTier.Tests.Peers;
using Xunit;

namespace DataTier.Tests.Store;

/// <summary>
/// The batch-intent protocol of <see cref="DynamoDbTableStore"/> when its writer stops (crashes) at
/// each step: a second store on the same backing table (another silo) must see the batch entirely or
/// not at all.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbBatchCrashTests(DynaliteFixture dynalite) : IDisposable
{
    private static readonly string Prefix = "crash" + Guid.NewGuid().ToString("N")[..8] + "-";
    private readonly List<DynamoDbTableStore> _stores = [];

    private DynamoDbTableStore NewStore(TimeSpan? lockTimeout = null)
    {
        var store = new DynamoDbTableStore(dynalite.Options<DynamoDbStoreOptions>(o =>
        {
            o.TablePrefix = Prefix;
            if (lockTimeout is { } t) o.LockTimeout = t;
        }));
        _stores.Add(store);
        return store;
    }

    private static Dictionary<string, AttrValue> Item(string v) => new() { ["v"] = AttrValue.FromS(v) };

    private sealed class Crash : Exception;

    private static Func<BatchStep, Task> CrashAt(BatchStep step) => s => s == step ? throw new Crash() : Task.CompletedTask;

    /// <summary>Item 1 exists at version 1; the batch updates it, inserts item 2, deletes item 3 and writes two change records.</summary>
    private static async Task<Guid> SeedAsync(ITableStore store)
    {
        var table = Guid.NewGuid();
        await store.WriteAsync(table, [new ItemWrite([1], 0, 1, Item("old")), new ItemWrite([3], 0, 1, Item("doomed"))], [new ChangeRecord("p", 1, [1]), new ChangeRecord("p", 2, [2])]);
        return table;
    }

    private static ValueTask BatchAsync(ITableStore store, Guid table) => store.WriteAsync(table,
        [new ItemWrite([1], 1, 2, Item("new")), new ItemWrite([2], 0, 1, Item("inserted")), new ItemWrite([3], 1, 0, null)],
        [new ChangeRecord("p", 3, [3]), new ChangeRecord("p", 4, [4])]);

    /// <summary>Seeds a table and runs the batch with a writer that crashes at <paramref name="step"/>.</summary>
    private async Task<Guid> CrashedBatchAsync(BatchStep step)
    {
        var writer = NewStore();
        var table = await SeedAsync(writer);
        writer.OnBatchStep = CrashAt(step);
        await Assert.ThrowsAsync<Crash>(() => BatchAsync(writer, table).AsTask());
        return table;
    }

    /// <summary>Seeds a table and starts the batch with a writer that pauses once its locks are written, until <c>resume</c> is set.</summary>
    private async Task<(Guid Table, Task Batch, TaskCompletionSource Resume)> PausedBatchAsync()
    {
        var writer = NewStore();
        var table = await SeedAsync(writer);
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        writer.OnBatchStep = async s =>
        {
            if (s != BatchStep.Locked) return;
            paused.SetResult();
            await resume.Task;
        };
        var batch = BatchAsync(writer, table).AsTask();
        await paused.Task;
        return (table, batch, resume);
    }

    private static async Task AssertAppliedAsync(ITableStore store, Guid table)
    {
        Assert.Equal("new", (await store.GetAsync(table, [1]))!.Attributes["v"].Text);
        Assert.Equal(2, (await store.GetAsync(table, [1]))!.Version);
        Assert.Equal("inserted", (await store.GetAsync(table, [2]))!.Attributes["v"].Text);
        Assert.Null(await store.GetAsync(table, [3]));
        Assert.Equal([1L, 2, 3, 4], (await store.ReadChangesAsync(table, "p", 0, 10)).Select(c => c.Sequence));
    }

    private static async Task AssertNotAppliedAsync(ITableStore store, Guid table)
    {
        Assert.Equal("old", (await store.GetAsync(table, [1]))!.Attributes["v"].Text);
        Assert.Null(await store.GetAsync(table, [2]));
        Assert.Equal("doomed", (await store.GetAsync(table, [3]))!.Attributes["v"].Text);
        Assert.Equal(["old", "doomed"], (await store.ReadRangeAsync(table, KeyRange.All, false, 10)).Select(i => i.Attributes["v"].Text!));
        Assert.Equal(2, await store.LastChangeSequenceAsync(table, "p"));
    }

    [Fact]
    public async Task An_intent_left_behind_is_rolled_forward_by_a_reader()
    {
        var table = await CrashedBatchAsync(BatchStep.Committed);
        await AssertAppliedAsync(NewStore(), table);
    }

    [Fact]
    public async Task An_intent_left_behind_is_rolled_forward_before_a_change_log_is_read()
    {
        var table = await CrashedBatchAsync(BatchStep.Committed);
        var other = NewStore();
        Assert.Equal(4, await other.LastChangeSequenceAsync(table, "p"));
        await AssertAppliedAsync(other, table);
    }

    [Fact]
    public async Task A_batch_stopped_half_applied_is_completed_by_the_next_writer()
    {
        var table = await CrashedBatchAsync(BatchStep.ItemApplied);
        var other = NewStore();
        // The next write expects the batch's version: it finds the lock, completes the batch, then applies.
        await other.WriteAsync(table, [new ItemWrite([3], 0, 1, Item("back"))]);
        Assert.Equal("back", (await other.GetAsync(table, [3]))!.Attributes["v"].Text);
        Assert.Equal("inserted", (await other.GetAsync(table, [2]))!.Attributes["v"].Text);
        Assert.Equal(4, await other.LastChangeSequenceAsync(table, "p"));
    }

    [Fact]
    public async Task A_batch_whose_intent_was_never_written_leaves_nothing()
    {
        var table = await CrashedBatchAsync(BatchStep.Locked);

        // Readers see the committed values at once, locks or not.
        var other = NewStore(lockTimeout: TimeSpan.FromMilliseconds(300));
        await AssertNotAppliedAsync(other, table);
        // A writer aborts the abandoned batch once its locks are older than the lock timeout.
        await other.WriteAsync(table, [new ItemWrite([1], 1, 2, Item("after")), new ItemWrite([2], 0, 1, Item("fresh"))]);
        await other.WriteAsync(table, [new ItemWrite([3], 1, 2, Item("kept"))]);
        Assert.Equal("after", (await other.GetAsync(table, [1]))!.Attributes["v"].Text);
        Assert.Equal(2, await other.LastChangeSequenceAsync(table, "p"));
    }

    [Fact]
    public async Task A_writer_that_resumes_after_being_aborted_writes_nothing()
    {
        var (table, stalled, resume) = await PausedBatchAsync();

        var other = NewStore(lockTimeout: TimeSpan.FromMilliseconds(300));
        await other.WriteAsync(table, [new ItemWrite([1], 1, 2, Item("winner"))]);
        resume.SetResult();
        await Assert.ThrowsAsync<StoreWriteAbortedException>(() => stalled);

        Assert.Equal("winner", (await other.GetAsync(table, [1]))!.Attributes["v"].Text);
        Assert.Null(await other.GetAsync(table, [2]));
        Assert.Equal("doomed", (await other.GetAsync(table, [3]))!.Attributes["v"].Text);
        Assert.Equal(2, await other.LastChangeSequenceAsync(table, "p"));
    }

    [Fact]
    public async Task A_young_lock_makes_a_writer_wait_for_the_batch_to_finish()
    {
        var (table, running, resume) = await PausedBatchAsync();

        var other = NewStore(lockTimeout: TimeSpan.FromMinutes(5));
        var waiting = other.WriteAsync(table, [new ItemWrite([1], 2, 3, Item("next"))]).AsTask();
        Assert.False(waiting.IsCompleted);
        resume.SetResult();
        await running;
        await waiting;
        Assert.Equal(3, (await other.GetAsync(table, [1]))!.Version);
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
    }
}
