using System.Text.Json;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Transactions;

namespace DataTier.Silo.DynamoDb;

/// <summary>TransactWriteItems and TransactGetItems over JSON.</summary>
public sealed class TransactOperations(ITableClient tables)
{
    private static readonly (string Member, TransactOperationKind Kind)[] WriteMembers =
    [
        ("ConditionCheck", TransactOperationKind.ConditionCheck),
        ("Put", TransactOperationKind.Put),
        ("Delete", TransactOperationKind.Delete),
        ("Update", TransactOperationKind.Update),
    ];

    public async Task TransactWriteItems(ApiRequest r, Utf8JsonWriter w)
    {
        var array = r.Required(r.Array("TransactItems"), "transactItems");
        var token = r.String("ClientRequestToken");
        var capacity = ConsumedCapacityJson.Read(r);
        ItemCollectionMetrics.Read(r);
        r.ThrowIfInvalid();
        var items = new List<TransactWriteItem>();
        foreach (var element in array!.Value.EnumerateArray())
        {
            var entry = new ApiRequest(BatchOperations.ObjectOf(element));
            var present = WriteMembers.Where(m => entry.Object(m.Member) is not null).ToList();
            if (present.Count != 1) throw DynamoException.Validation("TransactItems can only contain one of Check, Put, Update or Delete");
            var (member, kind) = present[0];
            var body = new ApiRequest(entry.Object(member)!.Value);
            items.Add(new TransactWriteItem
            {
                Kind = kind,
                TableName = body.String("TableName")!,
                Item = body.AttributeMap("Item"),
                Key = body.AttributeMap("Key"),
                UpdateExpression = body.String("UpdateExpression"),
                ConditionExpression = body.String("ConditionExpression"),
                ExpressionAttributeNames = body.StringMap("ExpressionAttributeNames"),
                ExpressionAttributeValues = body.AttributeMap("ExpressionAttributeValues"),
                ReturnValuesOnConditionCheckFailure = ItemOperations.ReturnOnFailure(body),
            });
        }
        var result = await tables.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items, ClientRequestToken = token });
        w.WriteStartObject();
        ConsumedCapacityJson.WriteList(w, capacity, result.CapacityUnitsByTable, read: false);
        if (ItemCollectionMetrics.Requested(r)) ItemCollectionMetrics.WriteByTable(w, result.ItemCollectionMetrics);
        w.WriteEndObject();
    }

    public async Task TransactGetItems(ApiRequest r, Utf8JsonWriter w)
    {
        var array = r.Required(r.Array("TransactItems"), "transactItems");
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var items = new List<TransactGetItem>();
        var index = 0;
        foreach (var element in array!.Value.EnumerateArray())
        {
            index++;
            var entry = new ApiRequest(BatchOperations.ObjectOf(element));
            var get = entry.Required(entry.Object("Get"), $"transactItems.{index}.member.get");
            entry.ThrowIfInvalid();
            var body = new ApiRequest(get!.Value);
            var key = body.Required(body.AttributeMap("Key"), $"transactItems.{index}.member.get.key");
            body.ThrowIfInvalid();
            items.Add(new TransactGetItem
            {
                TableName = body.String("TableName")!,
                Key = key!,
                ProjectionExpression = body.String("ProjectionExpression"),
                ExpressionAttributeNames = body.StringMap("ExpressionAttributeNames"),
            });
        }
        var result = await tables.TransactGetItemsAsync(items);
        WriteReadResponse(w, result.Items, capacity, result.CapacityUnitsByTable);
    }

    /// <summary>A read transaction's answer: an object per item read, with its Item unless there was none.</summary>
    internal static void WriteReadResponse(Utf8JsonWriter w, IEnumerable<IReadOnlyDictionary<string, Model.AttrValue>?> items,
        ConsumedCapacityJson.Mode capacity, IReadOnlyDictionary<string, double> unitsByTable)
    {
        w.WriteStartObject();
        w.WriteStartArray("Responses");
        foreach (var item in items)
        {
            w.WriteStartObject();
            if (item is not null)
            {
                w.WritePropertyName("Item");
                AttributeValueJson.WriteMap(w, item);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        ConsumedCapacityJson.WriteList(w, capacity, unitsByTable, read: true);
        w.WriteEndObject();
    }
}
