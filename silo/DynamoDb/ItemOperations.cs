using System.Text.Json;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Silo.DynamoDb.Legacy;

namespace DataTier.Silo.DynamoDb;

/// <summary>PutItem, GetItem and DeleteItem over JSON.</summary>
public sealed class ItemOperations(ITableClient tables)
{
    public async Task PutItem(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var item = r.Required(r.AttributeMap("Item"), "item");
        var returnValues = r.Enum<ReturnValues>("ReturnValues", "returnValues") ?? ReturnValues.NONE;
        var onFailure = ReturnOnFailure(r);
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var legacy = new LegacyRequest(r);
        var condition = legacy.ConditionExpression;
        var result = await tables.PutItemAsync(new PutItemRequest
        {
            TableName = name!,
            Item = item!,
            ConditionExpression = condition,
            ExpressionAttributeNames = legacy.Names,
            ExpressionAttributeValues = legacy.Values,
            ReturnValues = returnValues,
            ReturnValuesOnConditionCheckFailure = onFailure,
        });
        WriteAttributes(w, result.Attributes);
        ConsumedCapacityJson.WriteMember(w, capacity, name!, result.CapacityUnits, read: false);
        w.WriteEndObject();
    }

    public async Task GetItem(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var key = r.Required(r.AttributeMap("Key"), "key");
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var legacy = new LegacyRequest(r);
        var projection = legacy.ProjectionExpression;
        var result = await tables.GetItemAsync(new GetItemRequest
        {
            TableName = name!,
            Key = key!,
            ProjectionExpression = projection,
            ExpressionAttributeNames = legacy.Names,
            ConsistentRead = r.Bool("ConsistentRead") ?? false,
        });
        w.WriteStartObject();
        if (result.Item is not null)
        {
            w.WritePropertyName("Item");
            AttributeValueJson.WriteMap(w, result.Item);
        }
        ConsumedCapacityJson.WriteMember(w, capacity, name!, result.CapacityUnits, read: true);
        w.WriteEndObject();
    }

    public async Task DeleteItem(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var key = r.Required(r.AttributeMap("Key"), "key");
        var returnValues = r.Enum<ReturnValues>("ReturnValues", "returnValues") ?? ReturnValues.NONE;
        var onFailure = ReturnOnFailure(r);
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var legacy = new LegacyRequest(r);
        var condition = legacy.ConditionExpression;
        var result = await tables.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = name!,
            Key = key!,
            ConditionExpression = condition,
            ExpressionAttributeNames = legacy.Names,
            ExpressionAttributeValues = legacy.Values,
            ReturnValues = returnValues,
            ReturnValuesOnConditionCheckFailure = onFailure,
        });
        WriteAttributes(w, result.Attributes);
        ConsumedCapacityJson.WriteMember(w, capacity, name!, result.CapacityUnits, read: false);
        w.WriteEndObject();
    }

    public async Task UpdateItem(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var key = r.Required(r.AttributeMap("Key"), "key");
        var returnValues = r.Enum<ReturnValues>("ReturnValues", "returnValues") ?? ReturnValues.NONE;
        var onFailure = ReturnOnFailure(r);
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var legacy = new LegacyRequest(r);
        var update = legacy.UpdateExpression;
        var condition = legacy.ConditionExpression;
        var result = await tables.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name!,
            Key = key!,
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeNames = legacy.Names,
            ExpressionAttributeValues = legacy.Values,
            ReturnValues = returnValues,
            ReturnValuesOnConditionCheckFailure = onFailure,
        });
        WriteAttributes(w, result.Attributes);
        ConsumedCapacityJson.WriteMember(w, capacity, name!, result.CapacityUnits, read: false);
        w.WriteEndObject();
    }

    private static bool ReturnOnFailure(ApiRequest r)
    {
        var value = r.String("ReturnValuesOnConditionCheckFailure");
        if (value is null or "NONE") return false;
        if (value == "ALL_OLD") return true;
        r.Invalid("returnValuesOnConditionCheckFailure", value, "Member must satisfy enum value set: [ALL_OLD, NONE]");
        return false;
    }

    /// <summary>Opens the response object and writes <c>Attributes</c>; the caller closes it.</summary>
    private static void WriteAttributes(Utf8JsonWriter w, IReadOnlyDictionary<string, Model.AttrValue>? attributes)
    {
        w.WriteStartObject();
        if (attributes is not null)
        {
            w.WritePropertyName("Attributes");
            AttributeValueJson.WriteMap(w, attributes);
        }
    }
}
