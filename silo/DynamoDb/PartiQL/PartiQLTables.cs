using System.Collections.Concurrent;
using DataTier.Catalog;
using DataTier.Errors;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// The descriptions statements are translated with: their key schemas and indexes. Kept a few seconds, as a table's
/// key schema never changes and the operations the translations run check the table again; an index the kept
/// description lacks is looked up afresh, so a new index is usable at once.
/// </summary>
public sealed class PartiQLTables(IGrainFactory grains)
{
    private static readonly long KeepMilliseconds = 5000;

    private readonly ConcurrentDictionary<string, (TableDescription Table, long Until)> _kept = new(StringComparer.Ordinal);

    public async Task<TableDescription> GetAsync(string name, string? index = null)
    {
        var valid = true;
        Client.RequestValidation.TableNameErrors(name, "", (_, _, _) => valid = false);
        if (!valid) throw PartiQLErrors.Validation("Table name should be within the length [3, 255] and only contain 'a-z', 'A-Z', '0-9', '-', '_', '.'.");
        var now = Environment.TickCount64;
        if (_kept.TryGetValue(name, out var kept) && kept.Until > now && (index is null || HasIndex(kept.Table, index))) return kept.Table;
        var table = await grains.GetGrain<ITableCatalogGrain>(0).Describe(name) ?? throw DynamoException.TableNotFound();
        _kept[name] = (table, now + KeepMilliseconds);
        return table;
    }

    public static bool HasIndex(TableDescription table, string index) =>
        table.GlobalIndexes.Any(i => i.Name == index) || table.LocalIndexes.Any(i => i.Name == index);
}
