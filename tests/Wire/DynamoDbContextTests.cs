using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Xunit;
using static DataTier.Tests.Wire.WireHelpers;

namespace DataTier.Tests.Wire;

[DynamoDBTable("VersionedDocs")]
public sealed class VersionedDoc
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public string? Body { get; set; }

    [DynamoDBVersion]
    public int? Version { get; set; }
}

/// <summary>
/// The SDK's object persistence model (<see cref="DynamoDBContext"/>) with optimistic locking through
/// <c>[DynamoDBVersion]</c>, against the silo. Each test works in its own table (a unique TableNamePrefix).
/// </summary>
[Collection("wire")]
public class DynamoDbContextTests(SiloFixture fixture)
{
    private readonly IAmazonDynamoDB _db = fixture.Client;

    [Fact]
    public async Task Save_sets_Version_0_then_1_and_a_stale_save_fails_without_changing_the_item()
    {
        var (context, table) = await NewContext();

        var doc = new VersionedDoc { Id = "doc-1", Body = "first" };
        await context.SaveAsync(doc);
        Assert.Equal(0, doc.Version);

        var loaded = await context.LoadAsync<VersionedDoc>("doc-1", new LoadConfig { ConsistentRead = true });
        Assert.NotNull(loaded);
        Assert.Equal("first", loaded.Body);
        Assert.Equal(0, loaded.Version);
        var stale = await context.LoadAsync<VersionedDoc>("doc-1", new LoadConfig { ConsistentRead = true });
        Assert.Equal(0, stale.Version);

        loaded.Body = "second";
        await context.SaveAsync(loaded);
        Assert.Equal(1, loaded.Version);
        var reloaded = await context.LoadAsync<VersionedDoc>("doc-1", new LoadConfig { ConsistentRead = true });
        Assert.Equal(("second", 1), (reloaded.Body, reloaded.Version));

        // The stale copy still says version 0: its save must be refused.
        stale.Body = "stale";
        var e = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => context.SaveAsync(stale));
        Assert.Equal("ConditionalCheckFailedException", e.ErrorCode);
        Assert.Equal("The conditional request failed", e.Message);

        var stored = await _db.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("Id", S("doc-1"))), ConsistentRead = true });
        AssertItem(Item(("Id", S("doc-1")), ("Body", S("second")), ("Version", N("1"))), stored.Item);

        // A brand-new object (Version null) for an existing key is refused too.
        var duplicate = new VersionedDoc { Id = "doc-1", Body = "overwrite" };
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => context.SaveAsync(duplicate));
        var after = await context.LoadAsync<VersionedDoc>("doc-1", new LoadConfig { ConsistentRead = true });
        Assert.Equal(("second", 1), (after.Body, after.Version));
    }

    [Fact]
    public async Task Delete_of_a_stale_copy_fails_and_keeps_the_item()
    {
        var (context, _) = await NewContext();

        var doc = new VersionedDoc { Id = "doc-2", Body = "v0" };
        await context.SaveAsync(doc);
        var stale = await context.LoadAsync<VersionedDoc>("doc-2", new LoadConfig { ConsistentRead = true });
        doc.Body = "v1";
        await context.SaveAsync(doc);
        Assert.Equal((0, 1), (stale.Version, doc.Version));

        var e = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => context.DeleteAsync(stale));
        Assert.Equal("The conditional request failed", e.Message);
        var kept = await context.LoadAsync<VersionedDoc>("doc-2", new LoadConfig { ConsistentRead = true });
        Assert.NotNull(kept);
        Assert.Equal(("v1", 1), (kept.Body, kept.Version));

        await context.DeleteAsync(doc);
        Assert.Null(await context.LoadAsync<VersionedDoc>("doc-2", new LoadConfig { ConsistentRead = true }));
    }

    /// <summary>
    /// The same versioned delete, with the item written by PutItem so that only the context's delete
    /// path (DeleteItem with its version check) is exercised.
    /// </summary>
    [Fact]
    public async Task Versioned_delete_of_an_item_written_by_PutItem()
    {
        var (context, table) = await NewContext();
        await _db.PutItemAsync(new PutItemRequest { TableName = table, Item = Item(("Id", S("doc-3")), ("Body", S("put")), ("Version", N("4"))) });

        var loaded = await context.LoadAsync<VersionedDoc>("doc-3", new LoadConfig { ConsistentRead = true });
        Assert.NotNull(loaded);
        Assert.Equal(("put", 4), (loaded.Body, loaded.Version));

        var stale = new VersionedDoc { Id = "doc-3", Body = "put", Version = 3 };
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => context.DeleteAsync(stale));
        var stored = await _db.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("Id", S("doc-3"))), ConsistentRead = true });
        AssertItem(Item(("Id", S("doc-3")), ("Body", S("put")), ("Version", N("4"))), stored.Item);

        await context.DeleteAsync(loaded);
        var gone = await _db.GetItemAsync(new GetItemRequest { TableName = table, Key = Item(("Id", S("doc-3"))), ConsistentRead = true });
        Assert.False(HasItem(gone.Item));
    }

    [Fact]
    public async Task Load_reads_an_item_written_by_PutItem()
    {
        var (context, table) = await NewContext();
        await _db.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = Item(("Id", S("doc-4")), ("Body", S("hello")), ("Version", N("7"))),
        });
        var loaded = await context.LoadAsync<VersionedDoc>("doc-4", new LoadConfig { ConsistentRead = true });
        Assert.NotNull(loaded);
        Assert.Equal(("doc-4", "hello", 7), (loaded.Id, loaded.Body, loaded.Version));
        Assert.Null(await context.LoadAsync<VersionedDoc>("no-such-doc"));
    }

    private async Task<(IDynamoDBContext Context, string Table)> NewContext()
    {
        var prefix = UniqueName("ctx") + "-";
        var table = prefix + "VersionedDocs";
        await CreateTable(_db, table, ("Id", ScalarAttributeType.S), billing: BillingMode.PAY_PER_REQUEST);
        var context = new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => _db)
            .ConfigureContext(c =>
            {
                c.TableNamePrefix = prefix;
                c.ConsistentRead = true;
            })
            .Build();
        return (context, table);
    }
}
