using DataTier.Storage;
using DataTier.Tests.Peers;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Xunit;

namespace DataTier.Tests.Storage;

/// <summary>Grain storage behaviour (write, read, clear, etag conflicts) of <see cref="DynamoDbGrainStorage"/> on dynalite.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbGrainStorageTests : IAsyncLifetime
{
    private static readonly string Prefix = "gs" + Guid.NewGuid().ToString("N")[..8] + "-";
    private readonly DynaliteFixture _dynalite;
    private readonly DynamoDbGrainStorage _storage;

    public DynamoDbGrainStorageTests(DynaliteFixture dynalite)
    {
        _dynalite = dynalite;
        _storage = Create(deleteOnClear: true);
    }

    public sealed record Counter(int Value, string Note)
    {
        public Counter()
            : this(0, "")
        {
        }
    }

    private DynamoDbGrainStorage Create(bool deleteOnClear) => new("store", "svc", _dynalite.Options<DynamoDbGrainStorageOptions>(o =>
    {
        o.TablePrefix = Prefix;
        o.DeleteStateOnClear = deleteOnClear;
        o.GrainStorageSerializer = new JsonGrainStorageSerializer(new Orleans.Serialization.OrleansJsonSerializer(
            Microsoft.Extensions.Options.Options.Create(new Orleans.Serialization.OrleansJsonSerializerOptions())));
    }), NullLogger<DynamoDbGrainStorage>.Instance);

    public Task InitializeAsync() => _storage.InitializeAsync();

    public Task DisposeAsync()
    {
        _storage.Dispose();
        return Task.CompletedTask;
    }

    private static GrainId NewGrain() => GrainId.Create("counter", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_grain_without_state_reads_the_default()
    {
        var state = new GrainState<Counter>();
        await _storage.ReadStateAsync("s", NewGrain(), state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task Written_state_reads_back_with_its_etag()
    {
        var grain = NewGrain();
        var state = new GrainState<Counter> { State = new Counter(5, "five") };
        await _storage.WriteStateAsync("s", grain, state);
        Assert.NotNull(state.ETag);
        Assert.True(state.RecordExists);

        var read = new GrainState<Counter>();
        await _storage.ReadStateAsync("s", grain, read);
        Assert.Equal(new Counter(5, "five"), read.State);
        Assert.Equal(state.ETag, read.ETag);

        read.State = new Counter(6, "six");
        await _storage.WriteStateAsync("s", grain, read);
        Assert.NotEqual(state.ETag, read.ETag);

        var other = new GrainState<Counter>();
        await _storage.ReadStateAsync("other", grain, other);
        Assert.False(other.RecordExists);
    }

    [Fact]
    public async Task A_stale_etag_is_refused_on_write_and_clear()
    {
        var grain = NewGrain();
        var first = new GrainState<Counter> { State = new Counter(1, "a") };
        await _storage.WriteStateAsync("s", grain, first);
        var stale = new GrainState<Counter> { State = new Counter(2, "b"), ETag = first.ETag };
        first.State = new Counter(3, "c");
        await _storage.WriteStateAsync("s", grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("s", grain, stale));
        // A second activation that never read must not overwrite either.
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", grain, new GrainState<Counter> { State = new Counter(9, "z") }));

        var read = new GrainState<Counter>();
        await _storage.ReadStateAsync("s", grain, read);
        Assert.Equal(new Counter(3, "c"), read.State);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clear_removes_the_state_and_a_new_write_follows(bool deleteOnClear)
    {
        using var storage = Create(deleteOnClear);
        var grain = NewGrain();
        var state = new GrainState<Counter> { State = new Counter(1, "a") };
        await storage.WriteStateAsync("s", grain, state);
        await storage.ClearStateAsync("s", grain, state);
        Assert.False(state.RecordExists);

        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("s", grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);

        state.State = new Counter(2, "b");
        await storage.WriteStateAsync("s", grain, state);
        await storage.ReadStateAsync("s", grain, read);
        Assert.Equal(new Counter(2, "b"), read.State);
    }
}
