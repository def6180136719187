using DataTier.Model;
using DataTier.Cache.Snapshots;
using DataTier.Store;

namespace DataTier.Cache.Scripting.Functions;

/// <summary>
/// The function libraries in the table store, as one item beside the cache's shard snapshots (under their reserved
/// table), written at each change as Redis writes FUNCTION LOAD to its AOF: a restarted cluster has its libraries back.
/// </summary>
public sealed class FunctionLibraryStore(ITableStore store)
{
    private static readonly byte[] Key = "fn"u8.ToArray();

    private long _version = -1;

    public async Task<FunctionLibrary[]> LoadAsync()
    {
        var item = await store.GetAsync(CacheSnapshotStore.TableId, Key);
        _version = item?.Version ?? 0;
        return item is null ? [] : FunctionLibraryCodec.Decode(item.Attributes["d"].Bytes!);
    }

    public async Task SaveAsync(IReadOnlyList<FunctionLibrary> libraries)
    {
        if (_version < 0) await LoadAsync();
        var attributes = new Dictionary<string, AttrValue> { ["d"] = AttrValue.FromB(FunctionLibraryCodec.Encode(libraries)) };
        try
        {
            await store.WriteAsync(CacheSnapshotStore.TableId, [new ItemWrite(Key, _version, _version + 1, attributes)]);
            _version++;
        }
        catch
        {
            // Read the version again next time, in case another activation wrote meanwhile.
            _version = -1;
            throw;
        }
    }
}
