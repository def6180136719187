using DataTier.Client;
using DataTier.Client.Cache;
using DataTier.Client.Cache.Sessions;
using DataTier.Client.Cache.Strategies;
using DataTier.Client.Requests;
using DataTier.Model;
using DataTier.Tests.Cluster;
using Microsoft.Extensions.Caching.Distributed;
using Xunit;

namespace DataTier.Tests.Cache.Strategies;

/// <summary>The SDK's caching strategies against the 3-silo cluster's tables and cache.</summary>
[Collection("cluster")]
public class CacheStrategyTests(ClusterFixture fixture)
{
    private ICacheClient Cache => new CacheClient(fixture.Cluster.Client);

    private static Dictionary<string, AttrValue> Item(string pk, string v) => new() { ["pk"] = AttrValue.FromS(pk), ["v"] = AttrValue.FromS(v) };

    private static Dictionary<string, AttrValue> Key(string pk) => new() { ["pk"] = AttrValue.FromS(pk) };

    [Fact]
    public async Task Lazy_loading_loads_once_for_a_stampede_of_misses_and_again_after_invalidation()
    {
        var aside = new CacheAside(Cache);
        var loads = 0;
        async Task<Profile?> Load(CancellationToken token)
        {
            Interlocked.Increment(ref loads);
            await Task.Delay(50, token);
            return new Profile("ada", 36);
        }
        var key = "profile:" + Guid.NewGuid().ToString("N");
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => aside.GetOrLoadAsync(key, Load, TimeSpan.FromMinutes(1))));
        Assert.All(results, r => Assert.Equal(new Profile("ada", 36), r));
        Assert.Equal(1, loads);
        Assert.Equal(new Profile("ada", 36), await aside.GetOrLoadAsync(key, Load, TimeSpan.FromMinutes(1)));
        Assert.Equal(1, loads);
        Assert.True(await Cache.TimeToLiveAsync(key) is { } ttl && ttl <= TimeSpan.FromMinutes(1));

        await aside.InvalidateAsync(key);
        await aside.GetOrLoadAsync(key, Load, TimeSpan.FromMinutes(1));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task Write_through_serves_reads_from_the_cache_and_updates_it_on_every_write()
    {
        await PartitioningTests.CreateTable(fixture, "cached-items");
        var direct = fixture.Tables;
        ITableClient cached = new WriteThroughTableClient(new TableClient(fixture.Cluster.Client), Cache, fixture.Cluster.Client);

        await cached.PutItemAsync(new PutItemRequest { TableName = "cached-items", Item = Item("a", "1") });
        // Changed behind the wrapper's back: the cached item still answers, a consistent read does not.
        await direct.PutItemAsync(new PutItemRequest { TableName = "cached-items", Item = Item("a", "direct") });
        Assert.Equal("1", (await cached.GetItemAsync(new GetItemRequest { TableName = "cached-items", Key = Key("a") })).Item!["v"].Text);
        var consistent = await cached.GetItemAsync(new GetItemRequest { TableName = "cached-items", Key = Key("a"), ConsistentRead = true });
        Assert.Equal("direct", consistent.Item!["v"].Text);

        var updated = await cached.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "cached-items", Key = Key("a"), UpdateExpression = "SET v = :v",
            ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":v"] = AttrValue.FromS("2") },
        });
        Assert.Null(updated.Attributes);
        var afterUpdate = await cached.GetItemAsync(new GetItemRequest { TableName = "cached-items", Key = Key("a") });
        Assert.Equal("2", afterUpdate.Item!["v"].Text);
        Assert.Equal(updated.Version, afterUpdate.Version);
        Assert.Equal(0, afterUpdate.CapacityUnits);

        await cached.DeleteItemAsync(new DeleteItemRequest { TableName = "cached-items", Key = Key("a") });
        await direct.PutItemAsync(new PutItemRequest { TableName = "cached-items", Item = Item("a", "behind") });
        Assert.Null((await cached.GetItemAsync(new GetItemRequest { TableName = "cached-items", Key = Key("a") })).Item);

        // A miss reads the table and keeps what it found.
        await direct.PutItemAsync(new PutItemRequest { TableName = "cached-items", Item = Item("b", "first") });
        Assert.Equal("first", (await cached.GetItemAsync(new GetItemRequest { TableName = "cached-items", Key = Key("b") })).Item!["v"].Text);
        await direct.PutItemAsync(new PutItemRequest { TableName = "cached-items", Item = Item("b", "second") });
        Assert.Equal("first", (await cached.GetItemAsync(new GetItemRequest { TableName = "cached-items", Key = Key("b") })).Item!["v"].Text);
        await cached.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [TransactWriteItem.Put("cached-items", Item("b", "third"))] });
        Assert.Equal("third", (await cached.GetItemAsync(new GetItemRequest { TableName = "cached-items", Key = Key("b") })).Item!["v"].Text);
    }

    [Fact]
    public async Task The_distributed_cache_keeps_session_state_with_sliding_and_absolute_expiry()
    {
        IDistributedCache sessions = new DataTierDistributedCache(Cache);
        var key = Guid.NewGuid().ToString("N");
        await sessions.SetAsync(key, [1, 2, 3], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20) });
        Assert.Equal([1, 2, 3], await sessions.GetAsync(key));
        Assert.InRange((await Cache.TimeToLiveAsync("session:" + key))!.Value, TimeSpan.FromMinutes(19), TimeSpan.FromMinutes(20));

        // The absolute expiry caps the sliding window.
        await sessions.SetAsync(key, [4], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20), AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2) });
        await sessions.RefreshAsync(key);
        Assert.InRange((await Cache.TimeToLiveAsync("session:" + key))!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));
        Assert.Equal([4], await sessions.GetAsync(key));

        await sessions.RemoveAsync(key);
        Assert.Null(await sessions.GetAsync(key));
    }

    public sealed record Profile(string Name, int Age);
}
