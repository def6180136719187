using System.Text.Json;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Silo.DynamoDb.Legacy;

namespace DataTier.Silo.DynamoDb;

/// <summary>PutItem, GetItem, DeleteItem and UpdateItem over JSON.</summary>
public sealed class ItemOperations(ITableClient tables, Microsoft.Extensions.Options.IOptions<Configuration.DynamoDbEndpointOptions> options)
{
    private readonly bool _keepItemJson = options.Value.KeepItemJson;

    private static readonly Func<IReadOnlyDictionary<string, AttrValue>, byte[]> EncodeItem =
        item => AttributeValueJson.EncodeMap(item, DynamoDbEndpoint.WriterOptions);

    public async Task PutItem(ApiRequest r, Utf8JsonWriter w)
    {
        var p = ReadWrite(r, "Item", "item", ExpressionParameters.PutOrDelete);
        // dynalite's order (AWS's is not recorded): the item's values and size before Expected's conditions
        if (p.Legacy.UsesLegacy) ItemValidator.ValidateValuesAndSize(p.Attributes);
        var condition = p.Legacy.ConditionExpression;
        var result = await tables.PutItemAsync(new PutItemRequest
        {
            TableName = p.Table,
            Item = p.Attributes,
            ConditionExpression = condition,
            ExpressionAttributeNames = p.Legacy.Names,
            ExpressionAttributeValues = p.Legacy.Values,
            ReturnValues = p.ReturnValues,
            ReturnValuesOnConditionCheckFailure = p.ReturnOnFailure,
        });
        WriteResult(w, p, result);
    }

    public async Task GetItem(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var key = r.Required(r.AttributeMap("Key"), "key");
        r.NotEmptyList("AttributesToGet", "attributesToGet");
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var legacy = new LegacyRequest(r, ExpressionParameters.Get);
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
            if (_keepItemJson && result.InMemory is { } cached) w.WriteRawValue(cached.Encoded(EncodeItem), skipInputValidation: true);
            else AttributeValueJson.WriteMap(w, result.Item);
        }
        ConsumedCapacityJson.WriteMember(w, capacity, name!, result.CapacityUnits, read: true);
        w.WriteEndObject();
    }

    public async Task DeleteItem(ApiRequest r, Utf8JsonWriter w)
    {
        var p = ReadWrite(r, "Key", "key", ExpressionParameters.PutOrDelete);
        var condition = p.Legacy.ConditionExpression;
        var result = await tables.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = p.Table,
            Key = p.Attributes,
            ConditionExpression = condition,
            ExpressionAttributeNames = p.Legacy.Names,
            ExpressionAttributeValues = p.Legacy.Values,
            ReturnValues = p.ReturnValues,
            ReturnValuesOnConditionCheckFailure = p.ReturnOnFailure,
        });
        WriteResult(w, p, result);
    }

    public async Task UpdateItem(ApiRequest r, Utf8JsonWriter w)
    {
        var p = ReadWrite(r, "Key", "key", ExpressionParameters.Update);
        var update = p.Legacy.UpdateExpression;
        var condition = p.Legacy.ConditionExpression;
        var request = new UpdateItemRequest
        {
            TableName = p.Table,
            Key = p.Attributes,
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeNames = p.Legacy.Names,
            ExpressionAttributeValues = p.Legacy.Values,
            ReturnValues = p.ReturnValues,
            ReturnValuesOnConditionCheckFailure = p.ReturnOnFailure,
        };
        Client.Results.WriteItemResult result;
        try
        {
            result = await tables.UpdateItemAsync(request);
        }
        // AttributeUpdates become top-level SET, REMOVE, ADD and DELETE actions, so the only operand refused at run time
        // is an ADD's or DELETE's value of another type than the attribute's, which AWS words apart for the legacy form
        catch (DynamoException e) when (p.Legacy.UsesLegacy && update is not null && e.Code == DynamoErrorCode.ValidationException && e.Message == UpdateApplier.BadOperand)
        {
            throw DynamoException.Validation("Type mismatch for attribute to update");
        }
        WriteResult(w, p, result);
    }

    /// <summary>The members every single-item write shares: table, item or key, ReturnValues* and capacity.</summary>
    private sealed record WriteParameters(
        string Table,
        IReadOnlyDictionary<string, AttrValue> Attributes,
        ReturnValues ReturnValues,
        bool ReturnOnFailure,
        ConsumedCapacityJson.Mode Capacity,
        LegacyRequest Legacy,
        bool CollectionMetrics);

    private static WriteParameters ReadWrite(ApiRequest r, string member, string parameter, ExpressionParameters parameters)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var attributes = r.Required(r.AttributeMap(member), parameter);
        var returnValues = r.Enum<ReturnValues>("ReturnValues", "returnValues", "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]") ?? ReturnValues.NONE;
        var metrics = r.OneOf("ReturnItemCollectionMetrics", "returnItemCollectionMetrics", "SIZE", "NONE") == "SIZE";
        var onFailure = ReturnOnFailure(r);
        var capacity = ConsumedCapacityJson.Read(r);
        ItemCollectionMetrics.Read(r);
        r.ThrowIfInvalid();
        return new WriteParameters(name!, attributes!, returnValues, onFailure, capacity, new LegacyRequest(r, parameters), metrics);
    }

    private static void WriteResult(Utf8JsonWriter w, WriteParameters p, Client.Results.WriteItemResult result)
    {
        w.WriteStartObject();
        if (result.Attributes is not null)
        {
            w.WritePropertyName("Attributes");
            AttributeValueJson.WriteMap(w, result.Attributes);
        }
        ConsumedCapacityJson.WriteMember(w, p.Capacity, p.Table, result.CapacityUnits, read: false, result.IndexCapacityUnits, result.LocalIndexCapacityUnits);
        if (p.CollectionMetrics && result.ItemCollection is { } collection) ItemCollectionMetrics.Write(w, collection);
        w.WriteEndObject();
    }

    internal static bool ReturnOnFailure(ApiRequest r)
    {
        var value = r.String("ReturnValuesOnConditionCheckFailure");
        if (value is null or "NONE") return false;
        if (value == "ALL_OLD") return true;
        r.Invalid("returnValuesOnConditionCheckFailure", value, "Member must satisfy enum value set: [ALL_OLD, NONE]");
        return false;
    }
}
