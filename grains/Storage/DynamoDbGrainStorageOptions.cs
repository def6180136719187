using DataTier.AwsDynamoDb;
using Orleans.Storage;

namespace DataTier.Storage;

/// <summary>Settings of one DynamoDB grain storage provider: its states live in <c>{TablePrefix}grainstate</c>, one item per grain and state.</summary>
public sealed class DynamoDbGrainStorageOptions : DynamoDbConnectionOptions, IStorageProviderSerializerOptions
{
    /// <summary>Delete the item on ClearStateAsync (otherwise an empty state with a new etag is kept).</summary>
    public bool DeleteStateOnClear { get; set; } = true;

    /// <summary>The serializer of states; Orleans' configured default when not set.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    public string TableName => TablePrefix + "grainstate";
}
