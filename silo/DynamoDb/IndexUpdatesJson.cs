using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>UpdateTable's GlobalSecondaryIndexUpdates (Create and Delete) with the AttributeDefinitions that type new keys.</summary>
public static class IndexUpdatesJson
{
    public static (List<GlobalIndexUpdate>? Updates, List<KeyAttribute>? Definitions) Read(ApiRequest r)
    {
        if (r.Array("GlobalSecondaryIndexUpdates") is not { } array) return (null, null);
        var definitions = r.Array("AttributeDefinitions")?.EnumerateArray().Select(e =>
        {
            var d = new ApiRequest(e);
            var type = d.String("AttributeType");
            if (type is not ("S" or "N" or "B"))
                throw DynamoException.Validation($"1 validation error detected: Value '{type}' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            return new KeyAttribute(d.String("AttributeName") ?? "", Enum.Parse<AttrType>(type));
        }).ToList() ?? [];
        var updates = new List<GlobalIndexUpdate>();
        foreach (var e in array.EnumerateArray())
        {
            var u = new ApiRequest(e);
            if (u.Object("Create") is { } create)
            {
                var raw = IndexJson.ReadOne(new ApiRequest(create), global: true);
                var keys = IndexJson.Keys(raw, definitions);
                updates.Add(new GlobalIndexUpdate(new GlobalSecondaryIndex
                {
                    Name = raw.Name,
                    KeySchema = keys,
                    Projection = IndexJson.Projection(raw),
                    ReadCapacityUnits = raw.Throughput?.Read ?? 0,
                    WriteCapacityUnits = raw.Throughput?.Write ?? 0,
                }, null));
            }
            else if (u.Object("Delete") is { } delete)
            {
                updates.Add(new GlobalIndexUpdate(null, new ApiRequest(delete).String("IndexName")
                    ?? throw DynamoException.Validation("1 validation error detected: Value null at 'globalSecondaryIndexUpdates.1.member.delete.indexName' failed to satisfy constraint: Member must not be null")));
            }
            else if (u.Object("Update") is not null)
            {
                throw DynamoException.Validation("One or more parameter values were invalid: Provisioned throughput of global secondary indexes cannot be updated here");
            }
            else
            {
                throw DynamoException.Validation("One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }
        }
        return (updates, definitions);
    }
}
