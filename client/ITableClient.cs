using DataTier.Catalog;
using DataTier.Client.Requests;
using DataTier.Client.Results;
using DataTier.Tables;

namespace DataTier.Client;

/// <summary>The table API of the cluster, as DynamoDB offers it, plus writes that demand an item version.</summary>
public interface ITableClient
{
    Task<TableDescription> CreateTableAsync(TableDefinition definition);
    Task<TableDescription> DescribeTableAsync(string tableName);
    Task<TableListPage> ListTablesAsync(string? exclusiveStartTableName = null, int? limit = null);
    Task<TableDescription> DeleteTableAsync(string tableName);
    Task<TableDescription> UpdateTableAsync(string tableName, TableUpdate update);
    Task<TimeToLiveSpecification> UpdateTimeToLiveAsync(string tableName, TimeToLiveSpecification specification);
    /// <summary>The table's time-to-live attribute; null while time to live is disabled.</summary>
    Task<string?> DescribeTimeToLiveAsync(string tableName);
    Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags);
    Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys);
    Task<IReadOnlyDictionary<string, string>> ListTagsOfResourceAsync(string resourceArn);

    Task<GetItemResult> GetItemAsync(GetItemRequest request);
    Task<WriteItemResult> PutItemAsync(PutItemRequest request);
    Task<WriteItemResult> DeleteItemAsync(DeleteItemRequest request);
    Task<WriteItemResult> UpdateItemAsync(UpdateItemRequest request);
    Task<ItemPage> QueryAsync(QueryRequest request);
    Task<BatchGetItemResult> BatchGetItemAsync(IReadOnlyDictionary<string, KeysAndAttributes> requestItems);
    Task<BatchWriteItemResult> BatchWriteItemAsync(IReadOnlyDictionary<string, IReadOnlyList<BatchWrite>> requestItems);
    Task<ItemPage> ScanAsync(ScanRequest request);
    Task<TransactWriteItemsResult> TransactWriteItemsAsync(TransactWriteItemsRequest request);
    Task<TransactGetItemsResult> TransactGetItemsAsync(IReadOnlyList<TransactGetItem> items);
}
