using DataTier.Errors;
using DataTier.Tables;

namespace DataTier.Client;

/// <summary>UpdateTable and resource tags.</summary>
public sealed partial class TableClient
{
    private const string TableArnMarker = ":table/";

    public async Task<TableDescription> UpdateTableAsync(string tableName, TableUpdate update)
    {
        RequestValidation.TableName(tableName);
        if (update.BillingMode is null && update.ReadCapacityUnits is null && update.WriteCapacityUnits is null && update.Stream is null
            && update.IndexUpdates is not { Count: > 0 } && update.ReplicaCount is null
            && update.DeletionProtectionEnabled is null && update.TableClass is null && update.OnDemandThroughput is null && update.WarmThroughput is null)
            throw DynamoException.Validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        if (update.BillingMode == BillingMode.PAY_PER_REQUEST && (update.ReadCapacityUnits is not null || update.WriteCapacityUnits is not null))
            throw DynamoException.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        if (update.ReplicaCount is { } replicas) Replicas.ReplicaSetting.Validate(replicas);
        var description = await _router.Catalog.Update(tableName, update);
        _router.Forget(tableName);
        return description;
    }

    public async Task<TimeToLiveSpecification> UpdateTimeToLiveAsync(string tableName, TimeToLiveSpecification specification)
    {
        RequestValidation.TableName(tableName);
        if (specification.AttributeName.Length is < 1 or > 255)
            RequestValidation.Throw([$"Value '{specification.AttributeName}' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length {(specification.AttributeName.Length < 1 ? "greater than or equal to 1" : "less than or equal to 255")}"]);
        await _router.Catalog.UpdateTimeToLive(tableName, specification);
        _router.Forget(tableName);
        return specification;
    }

    public async Task<string?> DescribeTimeToLiveAsync(string tableName)
    {
        RequestValidation.TableName(tableName);
        var table = await _router.Catalog.Describe(tableName)
            ?? throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {tableName} not found");
        return table.TimeToLiveAttribute;
    }

    public async Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags)
    {
        CheckArn(resourceArn);
        CheckTags(tags);
        if (tags.Count == 0) throw DynamoException.Validation("Atleast one Tag needs to be provided as Input.");
        Replicas.ReplicaSetting.FromTags(tags);
        await _router.Catalog.Tag(resourceArn, tags);
        ForgetTableOf(resourceArn);
    }

    /// <summary>AWS's length limits of tag keys and values, all reported together.</summary>
    private static void CheckTags(IReadOnlyDictionary<string, string> tags)
    {
        var errors = new List<string>();
        var i = 0;
        foreach (var (key, value) in tags)
        {
            i++;
            if (key.Length is < 1 or > 128)
                errors.Add($"Value '{key}' at 'tags.{i}.member.key' failed to satisfy constraint: Member must have length {(key.Length < 1 ? "greater than or equal to 1" : "less than or equal to 128")}");
            if (value.Length > 256)
                errors.Add($"Value '{value}' at 'tags.{i}.member.value' failed to satisfy constraint: Member must have length less than or equal to 256");
        }
        RequestValidation.Throw(errors);
    }

    public async Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys)
    {
        CheckArn(resourceArn);
        if (tagKeys.Count == 0) throw DynamoException.Validation("Atleast one Tag Key needs to be provided as Input.");
        await _router.Catalog.Untag(resourceArn, tagKeys);
        ForgetTableOf(resourceArn);
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsOfResourceAsync(string resourceArn)
    {
        CheckArn(resourceArn);
        var name = TableNameOf(resourceArn);
        var table = await _router.Catalog.Describe(name);
        if (table is null || table.Arn != resourceArn)
            throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: ResourcArn: {resourceArn} not found");
        return table.Tags;
    }

    /// <summary>Tags may change the table's replica count: load its description afresh.</summary>
    private void ForgetTableOf(string arn) => _router.Forget(TableNameOf(arn));

    private static string TableNameOf(string arn) => arn[(arn.IndexOf(TableArnMarker, StringComparison.Ordinal) + TableArnMarker.Length)..];

    private static void CheckArn(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal) || !arn.Contains(TableArnMarker, StringComparison.Ordinal))
            throw DynamoException.Validation($"Invalid TableArn: Invalid ResourceArn provided as input {arn}");
    }
}
