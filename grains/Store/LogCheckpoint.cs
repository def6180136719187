using DataTier.Model;

namespace DataTier.Store;

/// <summary>
/// How far a follower of a change log got (an index feeder, a replica shipper), kept as an item under a reserved
/// table id: the next sequence to apply, whether its initial copy of the items is done, and how far that copy
/// got. Saved with the item's version, so a second activation of the follower (a membership change) fails its
/// save with <see cref="VersionConflictException"/> and reloads what the other stored.
/// </summary>
public sealed class LogCheckpoint(ITableStore store, Guid stateTableId, byte[] key)
{
    private long _version;

    /// <summary>Whether any state was ever saved.</summary>
    public bool Started { get; private set; }

    /// <summary>The next sequence of the log to apply.</summary>
    public long Next { get; private set; }

    public bool Backfilled { get; private set; }

    /// <summary>The position the initial copy stopped after; null when it has not started or is done.</summary>
    public byte[]? Cursor { get; private set; }

    public async Task LoadAsync()
    {
        var stored = await store.GetAsync(stateTableId, key);
        if (stored is null) return;
        _version = stored.Version;
        Started = true;
        Next = long.Parse(stored.Attributes["c"].Text!);
        Backfilled = stored.Attributes["b"].Bool;
        Cursor = stored.Attributes.TryGetValue("k", out var cursor) ? cursor.Bytes : null;
    }

    public async Task SaveAsync(long next, bool backfilled, byte[]? cursor)
    {
        var state = new Dictionary<string, AttrValue>(StringComparer.Ordinal)
        {
            ["c"] = AttrValue.FromN(next),
            ["b"] = backfilled ? AttrValue.True : AttrValue.False,
        };
        if (cursor is not null) state["k"] = AttrValue.FromB(cursor);
        try
        {
            await store.WriteAsync(stateTableId, [new ItemWrite(key, _version, _version + 1, state)]);
        }
        catch (VersionConflictException)
        {
            await LoadAsync();
            throw;
        }
        _version++;
        Started = true;
        Next = next;
        Backfilled = backfilled;
        Cursor = cursor;
    }

    /// <summary>Another follower's next sequence, 0 if it never saved: a log is trimmed below the lowest of its followers'.</summary>
    public static async Task<long> NextOfAsync(ITableStore store, Guid stateTableId, byte[] key) =>
        await store.GetAsync(stateTableId, key) is { } state ? long.Parse(state.Attributes["c"].Text!) : 0;
}
