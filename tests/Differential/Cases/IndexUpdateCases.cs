using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>UpdateTable's GlobalSecondaryIndexUpdates Update (an index's provisioned throughput) and billing mode changes of a table with a global index.</summary>
internal static class IndexUpdateCases
{
    private const string Definitions = "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]";
    private const string Index = "'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}";

    /// <summary>$T, 5/5 provisioned, with the global index byG (on g), 5/5.</summary>
    private static DiffStep ProvisionedTable { get; } = Create(Definitions + ",'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5},'GlobalSecondaryIndexes':[{" + Index + ",'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}}]");

    /// <summary>$T, on demand, with the global index byG.</summary>
    private static DiffStep OnDemandTable { get; } = Create(Definitions + ",'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexes':[{" + Index + "}]");

    private static DiffStep Describe { get; } = Op("DescribeTable", "{'TableName':'$T'}");

    private static DiffStep Updates(string updates, string more = "") => Op("UpdateTable", "{'TableName':'$T'" + more + ",'GlobalSecondaryIndexUpdates':[" + updates + "]}");

    private static string Update(string name, int read, int write) =>
        "{'Update':{'IndexName':'" + name + "','ProvisionedThroughput':{'ReadCapacityUnits':" + read + ",'WriteCapacityUnits':" + write + "}}}";

    public static IEnumerable<DiffCase> All()
    {
        // valid
        yield return Case("create-with-global-index-then-describe", ProvisionedTable, Describe);
        yield return Case("create-on-demand-with-global-index-then-describe", OnDemandTable, Describe);
        yield return Case("update-index-throughput", ProvisionedTable, Updates(Update("byG", 7, 9)), Describe);
        yield return Case("update-index-throughput-decrease", ProvisionedTable, Updates(Update("byG", 3, 5)), Describe);
        yield return Case("update-index-and-table-throughput", ProvisionedTable,
            Updates(Update("byG", 6, 6), ",'ProvisionedThroughput':{'ReadCapacityUnits':8,'WriteCapacityUnits':8}"), Describe);
        yield return Case("update-table-with-index-to-pay-per-request", ProvisionedTable, Op("UpdateTable", "{'TableName':'$T','BillingMode':'PAY_PER_REQUEST'}"), Describe);
        yield return Case("update-table-with-index-to-provisioned", OnDemandTable,
            Updates(Update("byG", 4, 4), ",'BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}"), Describe);

        // invalid
        yield return Case("update-table-to-provisioned-without-index-throughput", OnDemandTable,
            Op("UpdateTable", "{'TableName':'$T','BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}}"));
        yield return Case("update-index-without-throughput", ProvisionedTable, Updates("{'Update':{'IndexName':'byG'}}"));
        yield return Case("update-index-without-name", ProvisionedTable, Updates("{'Update':{'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}"));
        yield return Case("update-index-empty-throughput", ProvisionedTable, Updates("{'Update':{'IndexName':'byG','ProvisionedThroughput':{}}}"));
        yield return Case("update-index-zero-capacity", ProvisionedTable, Updates(Update("byG", 0, 5)));
        yield return Case("update-index-name-too-short", ProvisionedTable, Updates(Update("ab", 1, 1)));
        yield return Case("update-index-errors-with-table-errors", ProvisionedTable,
            Updates(Update("b;", 0, 1), ",'BillingMode':'CHEAP'"));
        yield return Case("update-index-twice", ProvisionedTable, Updates(Update("byG", 6, 6) + "," + Update("byG", 7, 7)));
        yield return Case("update-and-delete-one-index", ProvisionedTable, Updates(Update("byG", 6, 6) + ",{'Delete':{'IndexName':'byG'}}"));
        yield return Case("update-index-no-action", ProvisionedTable, Updates("{}"));
        yield return Case("update-index-same-throughput", ProvisionedTable, Updates(Update("byG", 5, 5)));
        yield return Case("update-missing-index", ProvisionedTable, Updates(Update("nope", 6, 6)));
        yield return Case("update-index-on-pay-per-request", OnDemandTable, Updates(Update("byG", 6, 6)));
        yield return Case("update-index-two-actions-in-one-update", ProvisionedTable,
            Updates("{'Update':{'IndexName':'byG','ProvisionedThroughput':{'ReadCapacityUnits':6,'WriteCapacityUnits':6}},'Delete':{'IndexName':'byG'}}"));
    }
}
