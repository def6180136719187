using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Silo.DynamoDb;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// ReplicaUpdates <c>Update</c> and <c>Create</c> (UpdateReplicationGroupMemberAction, CreateReplicationGroupMemberAction; global tables
/// version 2019.11.21): the replica's own read
/// capacity (ProvisionedThroughputOverride) or most read request units on demand (OnDemandThroughputOverride), its indexes' read
/// capacity or most read request units, its table class, and a KMS key, which is refused: the project does not
/// encrypt tables with keys of its users.
/// </summary>
public sealed record ReplicaSettingsUpdate(long? ReadCapacityUnits, IReadOnlyList<ReplicaIndexOverride> Indexes, TableClass? TableClass, string? KmsMasterKeyId,
    long? MaxReadRequestUnits = null)
{
    private const string Invalid = "One or more parameter values were invalid: ";

    /// <summary>The action's members, their constraints' violations noted in <paramref name="errors"/> under <paramref name="prefix"/>.</summary>
    public static ReplicaSettingsUpdate Read(ApiRequest action, ApiRequest errors, string prefix)
    {
        var key = action.String("KMSMasterKeyId");
        if (key is { Length: 0 }) errors.Invalid(prefix + "kMSMasterKeyId", key, "Member must have length greater than or equal to 1");
        var read = ReadOverride(action, errors, prefix);
        var indexes = new List<ReplicaIndexOverride>();
        if (action.Array("GlobalSecondaryIndexes") is { } list)
        {
            if (list.GetArrayLength() == 0) errors.Invalid(prefix + "globalSecondaryIndexes", "[]", "Member must have length greater than or equal to 1");
            var position = 0;
            foreach (var e in list.EnumerateArray())
            {
                var index = new ApiRequest(e);
                var at = $"{prefix}globalSecondaryIndexes.{++position}.member.";
                var name = errors.Required(index.String("IndexName"), at + "indexName");
                if (name is not null) Client.RequestValidation.TableNameErrors(name, at + "indexName", errors.Invalid);
                var units = ReadOverride(index, errors, at);
                var indexMax = MaxReadOverride(index, errors, at);
                if (name is not null) indexes.Add(new ReplicaIndexOverride(name, units, indexMax));
            }
        }
        TableClass? tableClass = null;
        if (action.String("TableClassOverride") is { } text)
        {
            if (Enum.TryParse<TableClass>(text, out var parsed) && Enum.IsDefined(parsed) && text == parsed.ToString()) tableClass = parsed;
            else errors.Invalid(prefix + "tableClassOverride", text, "Member must satisfy enum value set: [STANDARD, STANDARD_INFREQUENT_ACCESS]");
        }
        return new ReplicaSettingsUpdate(read, indexes, tableClass, key, MaxReadOverride(action, errors, prefix));
    }

    /// <summary>
    /// The replica's settings after this update of <paramref name="current"/>, checked against the table: its indexes, and its billing
    /// mode, since only a PROVISIONED table has read capacity to override.
    /// </summary>
    public ReplicaSettings ApplyTo(ReplicaSettings current, TableDescription table, string region, DateTimeOffset now)
    {
        if (KmsMasterKeyId is not null)
            throw DynamoException.Validation(Invalid + "KMSMasterKeyId is not supported here: tables are not encrypted with AWS KMS keys by the project");
        foreach (var index in Indexes)
        {
            if (table.GlobalIndexes.Any(i => i.Name == index.IndexName)) continue;
            throw table.LocalIndexes.Any(i => i.Name == index.IndexName)
                ? DynamoException.Validation($"Cannot update an index that is not a GlobalSecondaryIndex: {index.IndexName}")
                : new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Index {index.IndexName} for table {table.Name}");
        }
        if (table.BillingMode == BillingMode.PAY_PER_REQUEST)
        {
            if (ReadCapacityUnits is not null)
                throw DynamoException.Validation(Invalid + $"ProvisionedThroughputOverride should not be specified for replica: {region} when BillingMode is PAY_PER_REQUEST");
            if (Indexes.FirstOrDefault(i => i.ReadCapacityUnits is not null) is { } index)
                throw DynamoException.Validation(Invalid + $"ProvisionedThroughputOverride should not be specified for index: {index.IndexName} of replica: {region} when BillingMode is PAY_PER_REQUEST");
        }
        if (table.BillingMode == BillingMode.PROVISIONED)
        {
            if (MaxReadRequestUnits is not null)
                throw DynamoException.Validation(Invalid + $"OnDemandThroughputOverride should not be specified for replica: {region} when BillingMode is PROVISIONED");
            if (Indexes.FirstOrDefault(i => i.MaxReadRequestUnits is not null) is { } index)
                throw DynamoException.Validation(Invalid + $"OnDemandThroughputOverride should not be specified for index: {index.IndexName} of replica: {region} when BillingMode is PROVISIONED");
        }
        var indexes = new Dictionary<string, long>(current.IndexReadOverrides, StringComparer.Ordinal);
        var indexMaxima = new Dictionary<string, long>(current.IndexMaxReadOverrides, StringComparer.Ordinal);
        foreach (var index in Indexes)
        {
            if (index.ReadCapacityUnits is { } units) indexes[index.IndexName] = units;
            if (index.MaxReadRequestUnits is { } max) indexMaxima[index.IndexName] = max;
        }
        return current with
        {
            ReadCapacityOverride = ReadCapacityUnits ?? current.ReadCapacityOverride,
            MaxReadOverride = MaxReadRequestUnits ?? current.MaxReadOverride,
            IndexReadOverrides = indexes,
            IndexMaxReadOverrides = indexMaxima,
            TableClassOverride = TableClass ?? current.TableClassOverride,
            TableClassUpdated = TableClass is not null ? now : current.TableClassUpdated,
        };
    }

    /// <summary>An OnDemandThroughputOverride member's most read request units, at least 1 or -1 (none).</summary>
    private static long? MaxReadOverride(ApiRequest owner, ApiRequest errors, string prefix)
    {
        var max = owner.Object("OnDemandThroughputOverride") is { } member ? new ApiRequest(member).Long("MaxReadRequestUnits") : null;
        if (max is 0 or < -1)
            errors.Invalid(prefix + "onDemandThroughputOverride.maxReadRequestUnits", max, "Member must have value greater than or equal to 1, or -1 for no maximum");
        return max;
    }

    /// <summary>A ProvisionedThroughputOverride member's read capacity units, at least 1.</summary>
    private static long? ReadOverride(ApiRequest owner, ApiRequest errors, string prefix)
    {
        if (owner.Object("ProvisionedThroughputOverride") is not { } member) return null;
        var units = new ApiRequest(member).Long("ReadCapacityUnits");
        if (units < 1) errors.Invalid(prefix + "provisionedThroughputOverride.readCapacityUnits", units, "Member must have value greater than or equal to 1");
        return units;
    }
}
