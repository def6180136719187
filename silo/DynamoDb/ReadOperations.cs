using System.Text.Json;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Client.Results;
using DataTier.Silo.DynamoDb.Legacy;

namespace DataTier.Silo.DynamoDb;

/// <summary>Query and Scan over JSON.</summary>
public sealed class ReadOperations(ITableClient tables)
{
    public async Task Query(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var select = r.Enum<Select>("Select", "select", "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        r.NotEmptyList("AttributesToGet", "attributesToGet");
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var legacy = new LegacyRequest(r, ExpressionParameters.Query);
        // AWS checks QueryFilter and AttributesToGet before KeyConditions (dynalite's tests, checked against it, record it)
        var filter = legacy.FilterExpression("QueryFilter");
        var projection = legacy.ProjectionExpression;
        var keyCondition = legacy.KeyConditionExpression
            ?? throw Errors.DynamoException.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        var page = await tables.QueryAsync(new QueryRequest
        {
            TableName = name!,
            IndexName = r.String("IndexName"),
            KeyConditionExpression = keyCondition,
            ProjectionExpression = projection,
            FilterExpression = filter,
            ExpressionAttributeNames = legacy.Names,
            ExpressionAttributeValues = legacy.Values,
            ScanIndexForward = r.Bool("ScanIndexForward") ?? true,
            Limit = r.Int("Limit"),
            ExclusiveStartKey = r.AttributeMap("ExclusiveStartKey"),
            ConsistentRead = r.Bool("ConsistentRead") ?? false,
            Select = select,
            FilterName = legacy.UsesLegacy ? "QueryFilter" : "Filter Expression",
        });
        WritePage(w, page, select, capacity, name!);
    }

    public async Task Scan(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var select = r.Enum<Select>("Select", "select", "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        r.NotEmptyList("AttributesToGet", "attributesToGet");
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var legacy = new LegacyRequest(r, ExpressionParameters.Scan);
        var filter = legacy.FilterExpression("ScanFilter");
        var projection = legacy.ProjectionExpression;
        var page = await tables.ScanAsync(new ScanRequest
        {
            TableName = name!,
            IndexName = r.String("IndexName"),
            ProjectionExpression = projection,
            FilterExpression = filter,
            ExpressionAttributeNames = legacy.Names,
            ExpressionAttributeValues = legacy.Values,
            Limit = r.Int("Limit"),
            ExclusiveStartKey = r.AttributeMap("ExclusiveStartKey"),
            Segment = r.Int("Segment"),
            TotalSegments = r.Int("TotalSegments"),
            ConsistentRead = r.Bool("ConsistentRead") ?? false,
            Select = select,
        });
        WritePage(w, page, select, capacity, name!);
    }

    private static void WritePage(Utf8JsonWriter w, ItemPage page, Select? select, ConsumedCapacityJson.Mode capacity, string table)
    {
        w.WriteStartObject();
        if (select != Select.COUNT)
        {
            w.WriteStartArray("Items");
            foreach (var item in page.Items) AttributeValueJson.WriteMap(w, item);
            w.WriteEndArray();
        }
        w.WriteNumber("Count", page.Count);
        w.WriteNumber("ScannedCount", page.ScannedCount);
        if (page.LastEvaluatedKey is not null)
        {
            w.WritePropertyName("LastEvaluatedKey");
            AttributeValueJson.WriteMap(w, page.LastEvaluatedKey);
        }
        if (page.IndexName is not { } index) ConsumedCapacityJson.WriteMember(w, capacity, table, page.CapacityUnits, read: true);
        else
        {
            // an index read is charged to the index, none of it to the table
            var byIndex = new Dictionary<string, double> { [index] = page.CapacityUnits };
            ConsumedCapacityJson.WriteMember(w, capacity, table, 0, read: true, page.GlobalIndex ? byIndex : null, page.GlobalIndex ? null : byIndex);
        }
        w.WriteEndObject();
    }
}
