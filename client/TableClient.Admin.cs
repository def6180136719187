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
            && update.IndexUpdates is not { Count: > 0 })
            throw DynamoException.Validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        if (update.BillingMode == BillingMode.PAY_PER_REQUEST && (update.ReadCapacityUnits is not null || update.WriteCapacityUnits is not null))
            throw DynamoException.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
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
        if (tags.Count == 0) throw DynamoException.Validation("Atleast one Tag needs to be provided as Input.");
        await _router.Catalog.Tag(resourceArn, tags);
    }

    public async Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys)
    {
        CheckArn(resourceArn);
        if (tagKeys.Count == 0) throw DynamoException.Validation("Atleast one Tag Key needs to be provided as Input.");
        await _router.Catalog.Untag(resourceArn, tagKeys);
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsOfResourceAsync(string resourceArn)
    {
        CheckArn(resourceArn);
        var name = resourceArn[(resourceArn.IndexOf(TableArnMarker, StringComparison.Ordinal) + TableArnMarker.Length)..];
        var table = await _router.Catalog.Describe(name);
        if (table is null || table.Arn != resourceArn)
            throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: ResourcArn: {resourceArn} not found");
        return table.Tags;
    }

    private static void CheckArn(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal) || !arn.Contains(TableArnMarker, StringComparison.Ordinal))
            throw DynamoException.Validation($"Invalid TableArn: Invalid ResourceArn provided as input {arn}");
    }
}
