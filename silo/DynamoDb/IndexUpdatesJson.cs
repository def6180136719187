using System.Text.Json;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// UpdateTable's GlobalSecondaryIndexUpdates (Create, Delete and Update) with the AttributeDefinitions
/// that type new keys. The members of Update actions are checked with the request's other members, so
/// their violations are listed together, as AWS lists them.
/// </summary>
public static class IndexUpdatesJson
{
    private const string Invalid = "One or more parameter values were invalid: ";

    public static (List<GlobalIndexUpdate>? Updates, List<KeyAttribute>? Definitions) Read(ApiRequest r)
    {
        if (r.Array("GlobalSecondaryIndexUpdates") is not { } array) return (null, null);
        var elements = array.EnumerateArray().Select(e => new ApiRequest(e)).ToList();
        var throughputs = elements.Select((u, i) => ReadThroughputUpdate(r, u, i + 1)).ToList();
        r.ThrowIfInvalid();
        CheckActions(elements);
        var definitions = r.Array("AttributeDefinitions")?.EnumerateArray().Select(e =>
        {
            var d = new ApiRequest(e);
            var type = d.String("AttributeType");
            if (type is not ("S" or "N" or "B"))
                throw DynamoException.Validation($"1 validation error detected: Value '{type}' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            return new KeyAttribute(d.String("AttributeName") ?? "", Enum.Parse<AttrType>(type));
        }).ToList() ?? [];
        var updates = new List<GlobalIndexUpdate>();
        for (var i = 0; i < elements.Count; i++)
        {
            var u = elements[i];
            if (throughputs[i] is { } throughput)
            {
                updates.Add(new GlobalIndexUpdate(null, null, throughput));
            }
            else if (u.Object("Create") is { } create)
            {
                updates.Add(new GlobalIndexUpdate(IndexJson.Global(IndexJson.ReadOne(new ApiRequest(create), global: true), definitions), null));
            }
            else
            {
                updates.Add(new GlobalIndexUpdate(null, new ApiRequest(u.Object("Delete")!.Value).String("IndexName")
                    ?? throw DynamoException.Validation($"1 validation error detected: Value null at 'globalSecondaryIndexUpdates.{i + 1}.member.delete.indexName' failed to satisfy constraint: Member must not be null")));
            }
        }
        return (updates, definitions);
    }

    /// <summary>An Update action's index name and throughput, its violations noted in <paramref name="r"/>; null for other actions.</summary>
    private static IndexThroughputUpdate? ReadThroughputUpdate(ApiRequest r, ApiRequest u, int position)
    {
        if (u.Object("Update") is not { } member) return null;
        var update = new ApiRequest(member);
        var prefix = $"globalSecondaryIndexUpdates.{position}.member.update.";
        var name = r.Required(update.String("IndexName"), prefix + "indexName");
        if (name is not null) DataTier.Client.RequestValidation.TableNameErrors(name, prefix + "indexName", r.Invalid);
        var onDemand = CapacitySettingsJson.ReadOnDemand(update);
        var warm = CapacitySettingsJson.ReadWarm(update);
        // An Update gives provisioned throughput, or on-demand maxima or warm throughput instead.
        var throughput = (onDemand is null && warm is null ? r.Required(update.Object("ProvisionedThroughput"), prefix + "provisionedThroughput") : update.Object("ProvisionedThroughput")) is null
            ? null
            : ThroughputJson.Read(update, r, prefix);
        if (name is null || (throughput is null && onDemand is null && warm is null)) return null;
        return new IndexThroughputUpdate(name, throughput?.Read, throughput?.Write, onDemand, warm);
    }

    /// <summary>Each element names one action, and no index is named by two.</summary>
    private static void CheckActions(List<ApiRequest> elements)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in elements)
        {
            var actions = new[] { u.Object("Update"), u.Object("Create"), u.Object("Delete") };
            var given = actions.Count(a => a is not null);
            if (given == 0)
                throw DynamoException.Validation(Invalid + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            if (given > 1) throw DynamoException.Validation(Invalid + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
            var name = actions.OfType<JsonElement>().Select(a => new ApiRequest(a).String("IndexName")).First();
            if (name is not null && !names.Add(name))
                throw DynamoException.Validation(Invalid + $"Only one global secondary index update per index is allowed simultaneously. Index: {name}");
        }
    }
}
