using Xunit;

namespace DataTier.Tests.Differential;

/// <summary>
/// The same requests to the project's endpoint and to dynalite, answers compared field by field; the
/// deliberate differences are in <c>deliberate-differences.json</c> and <c>docs/compatibility.md</c>.
/// </summary>
[Collection("differential")]
public class DifferentialTests(DifferentialFixture fixture)
{
    public static TheoryData<string> Tables => DifferentialCases.Names("tables");
    public static TheoryData<string> IndexUpdates => DifferentialCases.Names("index-updates");
    public static TheoryData<string> Items => DifferentialCases.Names("items");
    public static TheoryData<string> Expressions => DifferentialCases.Names("expressions");
    public static TheoryData<string> KeyAndPathChecks => DifferentialCases.Names("key-and-path-checks");
    public static TheoryData<string> Queries => DifferentialCases.Names("queries");
    public static TheoryData<string> Batches => DifferentialCases.Names("batches");
    public static TheoryData<string> Account => DifferentialCases.Names("account");
    public static TheoryData<string> ProtocolCases => DifferentialCases.Names("protocol");
    public static TheoryData<string> UnrecordedOrders => DifferentialCases.Names("unrecorded-orders");

    [Theory, MemberData(nameof(Tables))]
    public Task Table_operations(string name) => Run(name);

    [Theory, MemberData(nameof(IndexUpdates))]
    public Task Index_throughput_updates(string name) => Run(name);

    [Theory, MemberData(nameof(Items))]
    public Task Item_operations(string name) => Run(name);

    [Theory, MemberData(nameof(Expressions))]
    public Task Updates_and_conditions(string name) => Run(name);

    [Theory, MemberData(nameof(KeyAndPathChecks))]
    public Task Key_and_path_checks(string name) => Run(name);

    [Theory, MemberData(nameof(Queries))]
    public Task Queries_and_scans(string name) => Run(name);

    [Theory, MemberData(nameof(Batches))]
    public Task Batch_operations(string name) => Run(name);

    [Theory, MemberData(nameof(Account))]
    public Task Tags_and_account_operations(string name) => Run(name);

    [Theory, MemberData(nameof(ProtocolCases))]
    public Task Json_protocol(string name) => Run(name);

    [Theory, MemberData(nameof(UnrecordedOrders))]
    public Task Error_orders_dynalite_gives_where_aws_records_none(string name) => Run(name);

    [Fact]
    public void Every_case_difference_names_existing_cases()
    {
        var names = DifferentialCases.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = DeliberateDifferences.Instance.Cases
            .SelectMany(d => d.Cases.Select(c => (d.Id, Case: c.Split('#')[0])))
            .Where(x => !names.Contains(x.Case))
            .ToList();
        Assert.True(unknown.Count == 0, "Deliberate differences name unknown cases: " + string.Join(", ", unknown));
    }

    private Task Run(string name) => DifferentialRunner.RunAsync(DifferentialCases.Get(name), fixture.Client);
}
