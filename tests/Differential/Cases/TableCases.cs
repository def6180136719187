using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>CreateTable, DescribeTable, ListTables, UpdateTable and DeleteTable, valid and invalid.</summary>
internal static class TableCases
{
    private const string PkS = "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]";
    private const string Throughput = "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}";

    public static IEnumerable<DiffCase> All()
    {
        // valid
        yield return Case("create-hash", HashTable);
        yield return Case("create-hash-range", RangeTable);
        yield return Case("create-pay-per-request", Create(PkS + ",'BillingMode':'PAY_PER_REQUEST'"));
        yield return Case("create-binary-key", Create("'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'B'}],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-number-key-provisioned-explicitly", Create(PkS + ",'BillingMode':'PROVISIONED'," + Throughput));
        yield return Case("create-name-with-dots-and-dashes", Op("CreateTable", "{'TableName':'$T._-x'," + PkS + "," + Throughput + "}"));
        yield return Case("create-then-describe", HashTable, Op("DescribeTable", "{'TableName':'$T'}"));
        yield return Case("create-range-then-describe", RangeTable, Op("DescribeTable", "{'TableName':'$T'}"));
        yield return Case("create-ppr-then-describe", Create(PkS + ",'BillingMode':'PAY_PER_REQUEST'"), Op("DescribeTable", "{'TableName':'$T'}"));

        // invalid CreateTable
        yield return Case("create-empty-body", Op("CreateTable", "{}"));
        yield return Case("create-no-name", Op("CreateTable", "{" + PkS + "," + Throughput + "}"));
        yield return Case("create-name-too-short", Op("CreateTable", "{'TableName':'ab'," + PkS + "," + Throughput + "}"));
        yield return Case("create-name-too-long", Op("CreateTable", "{'TableName':'" + new string('a', 256) + "'," + PkS + "," + Throughput + "}"));
        yield return Case("create-name-bad-characters", Op("CreateTable", "{'TableName':'a b c'," + PkS + "," + Throughput + "}"));
        yield return Case("create-name-not-a-string", Op("CreateTable", "{'TableName':5," + PkS + "," + Throughput + "}"));
        yield return Case("create-no-key-schema", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}]," + Throughput));
        yield return Case("create-no-attribute-definitions", Create("'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-nothing-but-name", Create("'BillingMode':'PAY_PER_REQUEST'"));
        yield return Case("create-empty-key-schema", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[]," + Throughput));
        yield return Case("create-three-keys", Create("'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},{'AttributeName':'b','AttributeType':'S'},{'AttributeName':'c','AttributeType':'S'}],'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'RANGE'},{'AttributeName':'c','KeyType':'RANGE'}]," + Throughput));
        yield return Case("create-range-first", Create("'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},{'AttributeName':'b','AttributeType':'S'}],'KeySchema':[{'AttributeName':'a','KeyType':'RANGE'},{'AttributeName':'b','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-two-hash-keys", Create("'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},{'AttributeName':'b','AttributeType':'S'}],'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-only-range-key", Create("'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'}],'KeySchema':[{'AttributeName':'a','KeyType':'RANGE'}]," + Throughput));
        yield return Case("create-hash-and-range-same-name", Create("'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'}],'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'a','KeyType':'RANGE'}]," + Throughput));
        yield return Case("create-key-not-defined", Create("'AttributeDefinitions':[{'AttributeName':'x','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-range-key-not-defined", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'x','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}]," + Throughput));
        yield return Case("create-more-keys-than-definitions", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}]," + Throughput));
        yield return Case("create-extra-definition", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'x','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-duplicate-definition", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'pk','AttributeType':'N'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-bad-attribute-type", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'X'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-bad-key-type", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'FOO'}]," + Throughput));
        yield return Case("create-definition-without-name", Create("'AttributeDefinitions':[{'AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]," + Throughput));
        yield return Case("create-key-without-type", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk'}]," + Throughput));
        yield return Case("create-several-errors", Op("CreateTable", "{'TableName':'a;','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'X'}],'KeySchema':[{'AttributeName':'pk','KeyType':'FOO'}],'BillingMode':'CHEAP'}"));
        yield return Case("create-no-throughput", Create(PkS));
        yield return Case("create-provisioned-no-throughput", Create(PkS + ",'BillingMode':'PROVISIONED'"));
        yield return Case("create-zero-read-capacity", Create(PkS + ",'ProvisionedThroughput':{'ReadCapacityUnits':0,'WriteCapacityUnits':5}"));
        yield return Case("create-missing-write-capacity", Create(PkS + ",'ProvisionedThroughput':{'ReadCapacityUnits':5}"));
        yield return Case("create-throughput-with-pay-per-request", Create(PkS + ",'BillingMode':'PAY_PER_REQUEST'," + Throughput));
        yield return Case("create-bad-billing-mode", Create(PkS + ",'BillingMode':'CHEAP'," + Throughput));
        yield return Case("create-capacity-not-a-number", Create(PkS + ",'ProvisionedThroughput':{'ReadCapacityUnits':'5','WriteCapacityUnits':5}"));
        yield return Case("create-key-schema-not-a-list", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':'pk'," + Throughput));
        yield return Case("create-key-schema-element-not-an-object", Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':['pk']," + Throughput));
        yield return Case("create-existing-table", HashTable, HashTable);

        // DescribeTable
        yield return Case("describe-missing-table", Op("DescribeTable", "{'TableName':'$T'}"));
        yield return Case("describe-no-name", Op("DescribeTable", "{}"));
        yield return Case("describe-name-too-short", Op("DescribeTable", "{'TableName':'ab'}"));
        yield return Case("describe-name-bad-characters", Op("DescribeTable", "{'TableName':'no such table'}"));
        yield return Case("describe-name-not-a-string", Op("DescribeTable", "{'TableName':true}"));

        // DeleteTable
        yield return Case("delete-table", HashTable, Op("DeleteTable", "{'TableName':'$T'}"));
        yield return Case("delete-missing-table", Op("DeleteTable", "{'TableName':'$T'}"));
        yield return Case("delete-no-name", Op("DeleteTable", "{}"));
        yield return Case("delete-name-too-long", Op("DeleteTable", "{'TableName':'" + new string('x', 300) + "'}"));

        // ListTables: tables named after $T sort right after it, so ExclusiveStartTableName $T sees only this case's tables
        yield return Case("list-tables-limit", Op("CreateTable", "{'TableName':'$T-a'," + PkS + "," + Throughput + "}"), Op("CreateTable", "{'TableName':'$T-b'," + PkS + "," + Throughput + "}"),
            Op("ListTables", "{'ExclusiveStartTableName':'$T','Limit':1}"));
        yield return Case("list-tables-second-page", Op("CreateTable", "{'TableName':'$T-a'," + PkS + "," + Throughput + "}"), Op("CreateTable", "{'TableName':'$T-b'," + PkS + "," + Throughput + "}"),
            Op("ListTables", "{'ExclusiveStartTableName':'$T-a','Limit':1}"));
        yield return Case("list-tables-limit-zero", Op("ListTables", "{'Limit':0}"));
        yield return Case("list-tables-limit-101", Op("ListTables", "{'Limit':101}"));
        yield return Case("list-tables-limit-not-a-number", Op("ListTables", "{'Limit':'1'}"));
        yield return Case("list-tables-start-name-bad", Op("ListTables", "{'ExclusiveStartTableName':'a;b','Limit':1}"));
        yield return Case("list-tables-start-name-short", Op("ListTables", "{'ExclusiveStartTableName':'ab','Limit':1}"));
        yield return Case("list-tables-several-errors", Op("ListTables", "{'ExclusiveStartTableName':'a;','Limit':1000}"));

        // UpdateTable
        yield return Case("update-table-throughput", HashTable, Op("UpdateTable", "{'TableName':'$T','ProvisionedThroughput':{'ReadCapacityUnits':7,'WriteCapacityUnits':9}}"));
        yield return Case("update-table-to-pay-per-request", HashTable, Op("UpdateTable", "{'TableName':'$T','BillingMode':'PAY_PER_REQUEST'}"));
        yield return Case("update-table-same-throughput", HashTable, Op("UpdateTable", "{'TableName':'$T','ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}}"));
        yield return Case("update-table-nothing", HashTable, Op("UpdateTable", "{'TableName':'$T'}"));
        yield return Case("update-table-missing", Op("UpdateTable", "{'TableName':'$T','ProvisionedThroughput':{'ReadCapacityUnits':7,'WriteCapacityUnits':9}}"));
        yield return Case("update-table-no-name", Op("UpdateTable", "{'ProvisionedThroughput':{'ReadCapacityUnits':7,'WriteCapacityUnits':9}}"));
        yield return Case("update-table-zero-capacity", HashTable, Op("UpdateTable", "{'TableName':'$T','ProvisionedThroughput':{'ReadCapacityUnits':0,'WriteCapacityUnits':9}}"));
        yield return Case("update-table-bad-billing-mode", HashTable, Op("UpdateTable", "{'TableName':'$T','BillingMode':'FREE'}"));
        yield return Case("update-table-throughput-on-pay-per-request", HashTable2, Op("UpdateTable", "{'TableName':'$T2','ProvisionedThroughput':{'ReadCapacityUnits':7,'WriteCapacityUnits':9}}"));
    }
}
