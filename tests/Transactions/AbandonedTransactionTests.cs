using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Tables;
using DataTier.Tests.Cluster;
using DataTier.Transactions;
using Xunit;
using static DataTier.Tests.Transactions.TransactionTests;

namespace DataTier.Tests.Transactions;

/// <summary>
/// Transactions whose coordinator disappears after the prepare phase: the test plays the coordinator,
/// prepares items on two partitions and then stops, as a coordinator on a lost silo would.
/// </summary>
[Collection("cluster")]
public class AbandonedTransactionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_undecided_transaction_blocks_writes_until_the_lock_times_out_then_is_aborted()
    {
        var (table, a, b) = await TwoPartitionTable("tx-undecided");
        var id = Guid.NewGuid();
        await PrepareBoth(table, id, a, b);

        Assert.Equal("0", (await Get(table, a))!["balance"].Text);
        var blocked = await Assert.ThrowsAsync<DynamoException>(() => Put(table, a, 5));
        Assert.Equal(DynamoErrorCode.TransactionConflictException, blocked.Code);
        Assert.Equal("Transaction is ongoing for the item", blocked.Message);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        await UntilAccepted(() => Put(table, b, 6));
        Assert.True(waited.Elapsed >= ClusterFixture.LockTimeout - TimeSpan.FromSeconds(1), $"the lock gave way after {waited.Elapsed}");
        Assert.Equal(TransactionStatus.Aborted, await TransactionLedger.ReadStatusAsync(ClusterFixture.SharedStore, id));
        Assert.Equal("6", (await Get(table, b))!["balance"].Text);
        Assert.Equal("0", (await Get(table, a))!["balance"].Text);
        await Put(table, a, 7);
    }

    [Fact]
    public async Task Locks_survive_deactivation_and_a_commit_in_the_ledger_is_applied_by_the_next_read()
    {
        var (table, a, b) = await TwoPartitionTable("tx-committed");
        var id = Guid.NewGuid();
        await PrepareBoth(table, id, a, b);

        // Every partition activation is dropped: the locks must come back from the store.
        await fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var blocked = await Assert.ThrowsAsync<DynamoException>(() => Put(table, a, 5));
        Assert.Equal(DynamoErrorCode.TransactionConflictException, blocked.Code);

        // The coordinator recorded the commit and was lost before telling the partitions.
        Assert.Equal(TransactionStatus.Committed,
            await TransactionLedger.DecideAsync(ClusterFixture.SharedStore, id, TransactionStatus.Committed, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var snapshot = await fixture.Tables.TransactGetItemsAsync([
            new TransactGetItem { TableName = table.Name, Key = Key(a) },
            new TransactGetItem { TableName = table.Name, Key = Key(b) },
        ]);
        Assert.Equal(["100", "200"], snapshot.Items.Select(i => i!["balance"].Text));
        Assert.Equal("100", (await Get(table, a))!["balance"].Text);
        await Put(table, a, 8);
    }

    private async Task<(TableDescription Table, string A, string B)> TwoPartitionTable(string name)
    {
        var table = await PartitioningTests.CreateTable(fixture, name);
        var keys = Enumerable.Range(0, 50).Select(i => $"k{i}").ToList();
        var a = keys[0];
        var b = keys.First(k => PartitionOf(table, k) != PartitionOf(table, a));
        await Put(table, a, 0);
        await Put(table, b, 0);
        return (table, a, b);
    }

    private async Task PrepareBoth(TableDescription table, Guid id, string a, string b)
    {
        foreach (var (key, balance) in new[] { (a, 100L), (b, 200L) })
        {
            var operation = new TransactOperation(0, TransactOperationKind.Put, ItemKeyOf(table, key), Account(key, balance), null, null, null, false);
            var vote = await Partition(table, key).Prepare(id, [operation]);
            Assert.Null(vote.Failures);
        }
    }

    private static async Task UntilAccepted(Func<Task> write)
    {
        var deadline = DateTime.UtcNow + ClusterFixture.LockTimeout * 5;
        while (true)
        {
            try
            {
                await write();
                return;
            }
            catch (DynamoException e) when (e.Code == DynamoErrorCode.TransactionConflictException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private Task Put(TableDescription table, string key, long balance) =>
        fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Account(key, balance) });

    private async Task<IReadOnlyDictionary<string, AttrValue>?> Get(TableDescription table, string key) =>
        (await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key(key) })).Item;

    private IPartitionGrain Partition(TableDescription table, string key) =>
        fixture.Cluster.GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(PartitionOf(table, key)));

    private static int PartitionOf(TableDescription table, string key) => table.Partitions.PartitionOf(ItemKeyOf(table, key).Hash);

    private static ItemKey ItemKeyOf(TableDescription table, string key) => ItemValidator.ItemKeyOf(table.KeySchema, Key(key));
}
