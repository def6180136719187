using System.Text.Json;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;

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
        RejectLegacy(r, "Expected", "ConditionExpression", "ConditionalOperator");
        var result = await tables.PutItemAsync(new PutItemRequest
        {
            TableName = name!,
            Item = item!,
            ConditionExpression = r.String("ConditionExpression"),
            ExpressionAttributeNames = r.StringMap("ExpressionAttributeNames"),
            ExpressionAttributeValues = r.AttributeMap("ExpressionAttributeValues"),
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
        RejectLegacy(r, "AttributesToGet", "ProjectionExpression", null);
        var result = await tables.GetItemAsync(new GetItemRequest
        {
            TableName = name!,
            Key = key!,
            ProjectionExpression = r.String("ProjectionExpression"),
            ExpressionAttributeNames = r.StringMap("ExpressionAttributeNames"),
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
        RejectLegacy(r, "Expected", "ConditionExpression", "ConditionalOperator");
        var result = await tables.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = name!,
            Key = key!,
            ConditionExpression = r.String("ConditionExpression"),
            ExpressionAttributeNames = r.StringMap("ExpressionAttributeNames"),
            ExpressionAttributeValues = r.AttributeMap("ExpressionAttributeValues"),
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
        RejectLegacy(r, "AttributeUpdates", "UpdateExpression", null);
        RejectLegacy(r, "Expected", "ConditionExpression", "ConditionalOperator");
        var result = await tables.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name!,
            Key = key!,
            UpdateExpression = r.String("UpdateExpression"),
            ConditionExpression = r.String("ConditionExpression"),
            ExpressionAttributeNames = r.StringMap("ExpressionAttributeNames"),
            ExpressionAttributeValues = r.AttributeMap("ExpressionAttributeValues"),
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

    /// <summary>The legacy (non-expression) parameters arrive with the full API; until then they are refused rather than ignored.</summary>
    internal static void RejectLegacy(ApiRequest r, string legacy, string expression, string? legacyOperator)
    {
        if (r.Root.TryGetProperty(legacy, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (r.String(expression) is not null)
                throw DynamoException.Validation($"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {{{legacy}}} Expression parameters: {{{expression}}}");
            throw DynamoException.Validation($"The legacy parameter {legacy} is not supported yet; use {expression}");
        }
        if (legacyOperator is not null && r.String(legacyOperator) is not null)
            throw DynamoException.Validation($"The legacy parameter {legacyOperator} is not supported yet; use {expression}");
    }
}
