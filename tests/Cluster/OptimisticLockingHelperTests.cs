using DataTier.Client.Expressions;
using DataTier.Client.Requests;
using DataTier.Client.Versioning;
using DataTier.Errors;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>UpdateWithVersionAsync: read, change, write with ExpectedVersion, retry on conflict.</summary>
[Collection("cluster")]
public class OptimisticLockingHelperTests(ClusterFixture fixture)
{
    private static Dictionary<string, AttrValue> Key(string pk) => new() { ["pk"] = AttrValue.FromS(pk) };

    private static long Count(IReadOnlyDictionary<string, AttrValue>? item) => item is null ? 0 : long.Parse(item["n"].Text!);

    [Fact]
    public async Task Concurrent_whole_item_increments_reach_the_exact_total()
    {
        await PartitioningTests.CreateTable(fixture, "locked-put");
        var attempts = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                var write = await fixture.Tables.UpdateWithVersionAsync("locked-put", Key("c"),
                    item => new Dictionary<string, AttrValue> { ["n"] = AttrValue.FromN(Count(item) + 1) }, maxAttempts: 1000);
                Interlocked.Add(ref attempts, write.Attempts);
            }
        })));
        var final = await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "locked-put", Key = Key("c") });
        Assert.Equal(120, Count(final.Item));
        Assert.Equal(120, final.Version);
        Assert.True(attempts > 120, "the writers should have raced at least once");
    }

    [Fact]
    public async Task Concurrent_update_expression_changes_reach_the_exact_total()
    {
        await PartitioningTests.CreateTable(fixture, "locked-update");
        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                // Deliberately read-dependent (SET n = read + 1, not ADD), so only the version check keeps it exact.
                await fixture.Tables.UpdateWithVersionAsync("locked-update", Key("c"),
                    item => Update.Set("n", Count(item) + 1).AppendToList("writers", $"w{w}"), maxAttempts: 1000);
            }
        })));
        var final = await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "locked-update", Key = Key("c") });
        Assert.Equal(60, Count(final.Item));
        Assert.Equal(60, final.Item!["writers"].List!.Count);
    }

    [Fact]
    public async Task A_null_change_writes_nothing_and_the_last_conflict_is_thrown()
    {
        await PartitioningTests.CreateTable(fixture, "locked-misc");
        var none = await fixture.Tables.UpdateWithVersionAsync("locked-misc", Key("x"), _ => (IReadOnlyDictionary<string, AttrValue>?)null);
        Assert.False(none.Written);
        Assert.Null((await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "locked-misc", Key = Key("x") })).Item);

        var created = await fixture.Tables.UpdateWithVersionAsync("locked-misc", Key("x"), _ => new Dictionary<string, AttrValue> { ["n"] = AttrValue.FromN(1) });
        Assert.Equal(1, created.Version);
        Assert.Equal("x", created.Item!["pk"].Text);

        // A change that always loses the race: another write lands between its read and its write.
        var e = await Assert.ThrowsAsync<DynamoException>(() => fixture.Tables.UpdateWithVersionAsync("locked-misc", Key("x"), item =>
        {
            Task.Run(() => fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "locked-misc", Item = new Dictionary<string, AttrValue>(item!) })).GetAwaiter().GetResult();
            return new Dictionary<string, AttrValue>(item!);
        }, maxAttempts: 3));
        Assert.Equal(DynamoErrorCode.ConditionalCheckFailedException, e.Code);
        Assert.Equal(4, (await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "locked-misc", Key = Key("x") })).Version);
    }
}
