using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Client;

/// <summary>
/// Key attributes of the table and of its indexes are scalars, so DynamoDB refuses a nested path into one (a.b, a[0])
/// in a projection, a filter or an update expression: the table's keys first, then the indexes'.
/// </summary>
internal static class KeyPathChecks
{
    public static void Check(TableDescription table, IEnumerable<PathOperand>? paths)
    {
        if (paths is null) return;
        var nested = paths.Where(p => p.Path.Count > 1).Select(p => p.TopLevelName).ToHashSet(StringComparer.Ordinal);
        if (nested.Count == 0) return;
        foreach (var key in ItemValidator.KeyAttributes(table.KeySchema))
            if (nested.Contains(key.Name))
                throw DynamoException.Validation($"Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: {key.Name}");
        foreach (var (_, key) in IndexKeys(table))
            if (nested.Contains(key.Name))
                throw DynamoException.Validation($"Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: {key.Name}");
    }

    public static void Check(TableDescription table, Condition? filter)
    {
        if (filter is not null) Check(table, ConditionPaths.Paths(filter));
    }

    /// <summary>The key attributes of every index of the table, local ones first, with the index's name.</summary>
    public static IEnumerable<(string Index, KeyAttribute Key)> IndexKeys(TableDescription table) =>
        table.LocalIndexes.SelectMany(i => ItemValidator.KeyAttributes(i.KeySchema).Select(k => (i.Name, k)))
            .Concat(table.GlobalIndexes.SelectMany(i => ItemValidator.KeyAttributes(i.KeySchema).Select(k => (i.Name, k))));
}
