using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tests.Cluster;
using Xunit;
using Xunit.Abstractions;
using static DataTier.Tests.Transactions.TransactionTests;

namespace DataTier.Tests.Transactions;

/// <summary>
/// The classic isolation check: transfers between accounts run as transactions beside single-item
/// writes and snapshot reads; no snapshot and no final state may show money created or lost.
/// </summary>
[Collection("cluster")]
public class BankTransferTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Accounts = 12;
    private const long Opening = 100;

    [Fact]
    public async Task The_sum_never_changes_under_concurrent_transfers_single_writes_and_snapshots()
    {
        const string table = "tx-bank";
        await PartitioningTests.CreateTable(fixture, table);
        var names = Enumerable.Range(0, Accounts).Select(i => $"acct-{i}").ToList();
        foreach (var name in names) await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = table, Item = Account(name, Opening) });

        var committed = 0;
        var cancelled = 0;
        var blockedSingles = 0;
        var snapshots = 0;
        var badSnapshots = new List<string>();
        using var done = new CancellationTokenSource();

        var transfers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var i = 0; i < 40; i++)
            {
                var from = names[random.Next(Accounts)];
                var to = names[random.Next(Accounts)];
                if (from == to) continue;
                var amount = AttrValue.FromN(random.Next(1, 30));
                try
                {
                    await fixture.Tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
                    {
                        TransactItems =
                        [
                            TransactWriteItem.Update(table, Key(from), "SET balance = balance - :a", "balance >= :a", values: new Dictionary<string, AttrValue> { [":a"] = amount }),
                            TransactWriteItem.Update(table, Key(to), "SET balance = balance + :a", values: new Dictionary<string, AttrValue> { [":a"] = amount }),
                        ],
                    });
                    Interlocked.Increment(ref committed);
                }
                catch (DynamoException e) when (e.Code == DynamoErrorCode.TransactionCanceledException)
                {
                    Interlocked.Increment(ref cancelled);
                }
            }
        })).ToList();

        // Single-item writes to the same accounts that leave balances alone.
        var singles = Task.Run(async () =>
        {
            var random = new Random(99);
            while (!done.IsCancellationRequested)
            {
                try
                {
                    await fixture.Tables.UpdateItemAsync(new UpdateItemRequest
                    {
                        TableName = table,
                        Key = Key(names[random.Next(Accounts)]),
                        UpdateExpression = "ADD touched :one",
                        ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":one"] = AttrValue.FromN(1) },
                    });
                }
                catch (DynamoException e) when (e.Code == DynamoErrorCode.TransactionConflictException)
                {
                    Interlocked.Increment(ref blockedSingles);
                }
            }
        });

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(async () =>
        {
            // Readers keep going until the writers stop, and until each has read at least one snapshot.
            for (var mine = 0; !done.IsCancellationRequested || mine == 0;)
            {
                try
                {
                    var snapshot = await fixture.Tables.TransactGetItemsAsync(
                        names.Select(n => new TransactGetItem { TableName = table, Key = Key(n) }).ToList());
                    var sum = snapshot.Items.Sum(item => long.Parse(item!["balance"].Text!));
                    Interlocked.Increment(ref snapshots);
                    mine++;
                    if (sum != Accounts * Opening) lock (badSnapshots) badSnapshots.Add($"snapshot summed to {sum}");
                }
                catch (DynamoException e) when (e.Code == DynamoErrorCode.TransactionCanceledException)
                {
                }
            }
        })).ToList();

        await Task.WhenAll(transfers);
        done.Cancel();
        await Task.WhenAll(readers.Append(singles));

        var final = await fixture.Tables.TransactGetItemsAsync(names.Select(n => new TransactGetItem { TableName = table, Key = Key(n) }).ToList());
        var balances = final.Items.Select(item => long.Parse(item!["balance"].Text!)).ToList();
        output.WriteLine($"{committed} transfers committed, {cancelled} cancelled, {blockedSingles} single writes met a transaction, {snapshots} snapshots");
        Assert.Empty(badSnapshots);
        Assert.Equal(Accounts * Opening, balances.Sum());
        Assert.All(balances, b => Assert.True(b >= 0, $"balance {b} went negative"));
        Assert.True(committed >= 40, $"only {committed} transfers committed");
        Assert.True(snapshots > 0, "no snapshot read completed");
    }
}
