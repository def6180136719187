using DataTier.Tests.Differential.Cases;
using Xunit;

namespace DataTier.Tests.Differential;

/// <summary>Every case, by area, and the theory data that names them (so each case is one line in the test list).</summary>
public static class DifferentialCases
{
    private static readonly Dictionary<string, Func<IEnumerable<DiffCase>>> Areas = new(StringComparer.Ordinal)
    {
        ["tables"] = TableCases.All,
        ["index-updates"] = IndexUpdateCases.All,
        ["items"] = ItemCases.All,
        ["expressions"] = ExpressionCases.All,
        ["key-and-path-checks"] = KeyAndPathCheckCases.All,
        ["queries"] = QueryScanCases.All,
        ["batches"] = BatchCases.All,
        ["account"] = AccountCases.All,
        ["protocol"] = ProtocolCases.All,
        ["unrecorded-orders"] = UnrecordedOrderCases.All,
    };

    private static readonly Lazy<Dictionary<string, DiffCase>> ByName = new(() =>
    {
        var all = Areas.Values.SelectMany(a => a()).ToList();
        var duplicate = all.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two cases are named {duplicate.Key}.");
        return all.ToDictionary(c => c.Name, StringComparer.Ordinal);
    });

    public static IReadOnlyCollection<DiffCase> All => ByName.Value.Values;

    public static DiffCase Get(string name) => ByName.Value[name];

    public static TheoryData<string> Names(string area)
    {
        var data = new TheoryData<string>();
        foreach (var c in Areas[area]()) data.Add(c.Name);
        return data;
    }
}
