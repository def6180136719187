using DataTier.Cache.Keyspace;
using DataTier.Cache.Replication;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DataTier.Tests.Cache.Replication;

/// <summary>
/// A shard whose owner died takes its keys from a replica: a read of that replica that times out under load, or a
/// retirement that does, must not start the shard empty while a copy with its keys exists.
/// </summary>
public sealed class ReplicaPromotionTests
{
    private static readonly GrainId Shard = GrainId.Create("cacheshard", "7");
    private static readonly List<EntrySnapshot> Keys = [new() { Key = "a"u8.ToArray(), String = "1"u8.ToArray() }, new() { Key = "b"u8.ToArray(), String = "2"u8.ToArray() }];

    [Fact]
    public async Task A_copy_whose_reads_time_out_a_few_times_is_still_taken()
    {
        var copy = Copy("r1", 42, "silo-b");
        var reads = 0;
        var taken = await TakeAsync([copy], _ => ++reads < 3 ? throw new TimeoutException() : Task.FromResult<List<EntrySnapshot>?>(Keys), _ => Task.CompletedTask);
        Assert.NotNull(taken);
        Assert.Same(Keys, taken.Value.Entries);
        Assert.Equal(42, taken.Value.Seq);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task Keys_read_are_kept_when_retiring_the_copies_times_out()
    {
        var ahead = Copy("r1", 42, "silo-b");
        var behind = Copy("r2", 40, "silo-c");
        var retired = new List<string>();
        var taken = await TakeAsync([ahead, behind], _ => Task.FromResult<List<EntrySnapshot>?>(Keys), copy =>
        {
            retired.Add(copy.Key);
            return copy == ahead ? throw new OrleansException("timed out") : Task.CompletedTask;
        });
        Assert.NotNull(taken);
        Assert.Equal(42, taken.Value.Seq);
        // Every copy is asked to retire, the one that fails included.
        Assert.Equal(["r1", "r2"], retired);
    }

    [Fact]
    public async Task The_next_most_advanced_copy_is_taken_when_one_is_gone_or_never_answers()
    {
        var gone = Copy("r1", 50, "silo-b");
        var silent = Copy("r1", 45, "silo-c");
        var last = Copy("r2", 40, "silo-d");
        var asked = new List<ReplicaCopy>();
        var taken = await TakeAsync([gone, silent, last], copy =>
        {
            asked.Add(copy);
            if (copy == gone) return Task.FromResult<List<EntrySnapshot>?>(null);
            return copy == silent ? throw new TimeoutException() : Task.FromResult<List<EntrySnapshot>?>(Keys);
        }, _ => Task.CompletedTask);
        Assert.Equal(40, taken!.Value.Seq);
        Assert.Equal(1, asked.Count(c => c == gone));
        Assert.True(asked.Count(c => c == silent) > 1);
    }

    [Fact]
    public async Task Without_a_readable_copy_the_shard_starts_without_one()
    {
        var taken = await TakeAsync([Copy("r1", 5, "silo-b")], _ => throw new TimeoutException(), _ => Task.CompletedTask);
        Assert.Null(taken);
        Assert.Null(await TakeAsync([], _ => Task.FromResult<List<EntrySnapshot>?>(Keys), _ => Task.CompletedTask));
    }

    /// <summary>A copy whose reads and retirement the tests' fakes of export and retire stand for: it needs no locator.</summary>
    private static ReplicaCopy Copy(string key, long seq, string silo) => new(key, seq, silo, Locator: null!);

    private static Task<(List<EntrySnapshot> Entries, long Seq)?> TakeAsync(IReadOnlyList<ReplicaCopy> copies,
        Func<ReplicaCopy, Task<List<EntrySnapshot>?>> export, Func<ReplicaCopy, Task> retire) =>
        ReplicaPromotion.TakeFromCopiesAsync(copies, export, retire, TimeSpan.Zero, NullLogger.Instance, Shard);
}
