using System.Globalization;
using DataTier.Errors;

namespace DataTier.Replicas;

/// <summary>
/// The per-table replica count: DynamoDB's API has no such field, so besides the SDK's
/// <see cref="Tables.TableDefinition.ReplicaCount"/> and <see cref="Tables.TableUpdate.ReplicaCount"/> it
/// is set through the table tag <see cref="TagName"/> (CreateTable Tags, TagResource; UntagResource
/// returns the table to the silos' default).
/// </summary>
public static class ReplicaSetting
{
    public const string TagName = "datatier:replicas";

    /// <summary>Throws DynamoDB's member-constraint ValidationException unless 0 to 5.</summary>
    public static void Validate(int count, string member = "replicaCount")
    {
        if (count < 0)
            throw DynamoException.Validation($"1 validation error detected: Value '{count}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to 0");
        if (count > PartitionReplicaKey.MaxReplicas)
            throw DynamoException.Validation($"1 validation error detected: Value '{count}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {PartitionReplicaKey.MaxReplicas}");
    }

    /// <summary>The count the tags set, null without the tag; a ValidationException if its value is not an integer from 0 to 5.</summary>
    public static int? FromTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null || !tags.TryGetValue(TagName, out var value)) return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > PartitionReplicaKey.MaxReplicas)
            throw DynamoException.Validation($"One or more parameter values were invalid: The value of tag {TagName} must be an integer from 0 to {PartitionReplicaKey.MaxReplicas}, not '{value}'");
        return count;
    }
}
