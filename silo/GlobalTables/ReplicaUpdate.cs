using System.Text.Json;
using DataTier.Errors;
using DataTier.Silo.DynamoDb;

namespace DataTier.Silo.GlobalTables;

/// <summary>One action of UpdateTable's ReplicaUpdates or UpdateGlobalTable's: create or delete the replica in a region.</summary>
public sealed record ReplicaUpdate(string RegionName, bool Create)
{
    /// <summary>
    /// A ReplicaUpdates list: each element exactly one of Create and Delete with a RegionName (else
    /// <paramref name="exactlyOneMessage"/>); an Update is refused when <paramref name="refuseUpdate"/> is set.
    /// </summary>
    public static List<ReplicaUpdate> ReadAll(JsonElement list, string exactlyOneMessage, bool refuseUpdate)
    {
        var updates = new List<ReplicaUpdate>();
        foreach (var e in list.EnumerateArray())
        {
            var action = new ApiRequest(e);
            var create = action.Object("Create");
            var delete = action.Object("Delete");
            if (refuseUpdate && action.Object("Update") is not null)
                throw DynamoException.Validation("One or more parameter values were invalid: Update of a replica's settings is not supported here");
            if ((create is null) == (delete is null)) throw DynamoException.Validation(exactlyOneMessage);
            var spec = new ApiRequest((create ?? delete)!.Value);
            var region = spec.Required(spec.String("RegionName"), $"replicaUpdates.{updates.Count + 1}.member.{(create is null ? "delete" : "create")}.regionName");
            spec.ThrowIfInvalid();
            updates.Add(new ReplicaUpdate(region!, create is not null));
        }
        return updates;
    }
}
