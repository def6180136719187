using System.Text;
using DataTier.Model;
using DataTier.Store;

namespace DataTier.Streams;

/// <summary>A trigger's lease and checkpoint on one shard, persisted in the store under a reserved table id.</summary>
public sealed class TriggerShardGrain(ITableStore store, TimeProvider time) : Grain, ITriggerShardGrain
{
    /// <summary>The reserved table id of trigger checkpoints (user tables get random ids).</summary>
    public static readonly Guid TableId = new("74726967-6765-4000-8000-636865636b70");

    private byte[] _position = [];
    private long _version;
    private string? _owner;
    private long _leaseUntilMs;
    private long _checkpoint;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _position = Encoding.UTF8.GetBytes(this.GetPrimaryKeyString());
        var stored = await store.GetAsync(TableId, _position);
        if (stored is null) return;
        _version = stored.Version;
        _owner = stored.Attributes.TryGetValue("o", out var owner) ? owner.Text : null;
        _leaseUntilMs = long.Parse(stored.Attributes["u"].Text!);
        _checkpoint = long.Parse(stored.Attributes["c"].Text!);
    }

    public async Task<long?> Acquire(string owner, TimeSpan lease)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_owner is not null && _owner != owner && _leaseUntilMs > now) return null;
        await SaveAsync(owner, now + (long)lease.TotalMilliseconds, _checkpoint);
        return _checkpoint;
    }

    public async Task<bool> Commit(string owner, long sequence, TimeSpan lease)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_owner != owner) return false;
        await SaveAsync(owner, now + (long)lease.TotalMilliseconds, Math.Max(_checkpoint, sequence));
        return true;
    }

    public async Task Release(string owner)
    {
        if (_owner == owner) await SaveAsync(null, 0, _checkpoint);
    }

    public Task<long> Checkpoint() => Task.FromResult(_checkpoint);

    private async Task SaveAsync(string? owner, long leaseUntilMs, long checkpoint)
    {
        var record = new Dictionary<string, AttrValue>(StringComparer.Ordinal)
        {
            ["u"] = AttrValue.FromN(leaseUntilMs),
            ["c"] = AttrValue.FromN(checkpoint),
        };
        if (owner is not null) record["o"] = AttrValue.FromS(owner);
        try
        {
            await store.WriteAsync(TableId, [new ItemWrite(_position, _version, _version + 1, record)]);
        }
        catch (VersionConflictException)
        {
            // Another activation wrote meanwhile (a membership change): start over from what it stored.
            await OnActivateAsync(CancellationToken.None);
            throw;
        }
        _version++;
        _owner = owner;
        _leaseUntilMs = leaseUntilMs;
        _checkpoint = checkpoint;
    }
}
