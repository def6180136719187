using System.Text.Json;
using DataTier.Errors;
using DataTier.Silo.DynamoDb;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// One action of UpdateTable's ReplicaUpdates or UpdateGlobalTable's: create or delete the replica in a region, or (UpdateTable
/// only) change its own settings, given in <paramref name="Settings"/>, which UpdateTable's <c>Create</c> may give too.
/// </summary>
public sealed record ReplicaUpdate(string RegionName, ReplicaAction Action, ReplicaSettingsUpdate? Settings = null)
{
    /// <summary>
    /// A ReplicaUpdates list: each element exactly one of the actions with a RegionName (else <paramref name="exactlyOneMessage"/>);
    /// <c>Update</c> is one of them only with <paramref name="allowUpdate"/> (UpdateGlobalTable's list has no such member).
    /// Members' constraints are noted in the request <paramref name="errors"/>, to be reported with its others.
    /// </summary>
    public static List<ReplicaUpdate> ReadAll(ApiRequest errors, JsonElement list, string exactlyOneMessage, bool allowUpdate)
    {
        var updates = new List<ReplicaUpdate>();
        var position = 0;
        foreach (var e in list.EnumerateArray())
        {
            position++;
            var element = new ApiRequest(e);
            var actions = new (ReplicaAction Action, JsonElement? Member)[]
            {
                (ReplicaAction.Create, element.Object("Create")),
                (ReplicaAction.Update, allowUpdate ? element.Object("Update") : null),
                (ReplicaAction.Delete, element.Object("Delete")),
            }.Where(a => a.Member is not null).ToList();
            if (actions.Count != 1) throw DynamoException.Validation(exactlyOneMessage);
            var (action, member) = actions[0];
            var spec = new ApiRequest(member!.Value);
            var prefix = $"replicaUpdates.{position}.member.{action.ToString().ToLowerInvariant()}.";
            var region = errors.Required(spec.String("RegionName"), prefix + "regionName");
            var settings = allowUpdate && action != ReplicaAction.Delete ? ReplicaSettingsUpdate.Read(spec, errors, prefix) : null;
            if (region is not null) updates.Add(new ReplicaUpdate(region, action, settings));
        }
        return updates;
    }
}
