using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.AwsDynamoDb;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace DataTier.Storage;

/// <summary>
/// Grain state in DynamoDB: one item per (service, provider, state name, grain id) holding the
/// serialized state and an etag. Every write and clear is conditional on the etag the grain last
/// read or wrote (on the item's absence for a grain that has none), so a stale activation's write
/// fails with <see cref="InconsistentStateException"/> instead of overwriting newer state.
/// States must fit one DynamoDB item (400 KB).
/// </summary>
public sealed partial class DynamoDbGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly DynamoDbGrainStorageOptions _options;
    private readonly IAmazonDynamoDB _db;
    private readonly ILogger<DynamoDbGrainStorage> _logger;

    public DynamoDbGrainStorage(string name, string serviceId, DynamoDbGrainStorageOptions options, ILogger<DynamoDbGrainStorage> logger)
    {
        _name = name;
        _serviceId = serviceId;
        _options = options;
        _db = DynamoDbClients.Create(options);
        _logger = logger;
    }

    /// <summary>Checks (and with CreateTables, creates) the backing table.</summary>
    public Task InitializeAsync(CancellationToken cancellation = default) =>
        DynamoDbTableSetup.EnsureTableAsync(_db, _options.TableName, sortKey: false, _options.CreateTables, cancellation);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(DynamoDbGrainStorage)}-{_name}", ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var response = await _db.GetItemAsync(new GetItemRequest { TableName = _options.TableName, Key = Key(stateName, grainId), ConsistentRead = true });
        if (response.Item is not { Count: > 0 } item)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        var data = item.GetB("d");
        grainState.State = data is null ? Activator.CreateInstance<T>() : _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(data));
        grainState.ETag = item.GetS("etag");
        grainState.RecordExists = data is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var item = Key(stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        item["d"] = Attr.B(data);
        item["etag"] = Attr.S(etag);
        await ConditionalAsync(stateName, grainId, grainState.ETag, "write", (condition, values) =>
            _db.PutItemAsync(new PutItemRequest { TableName = _options.TableName, Item = item, ConditionExpression = condition, ExpressionAttributeValues = values }));
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_options.DeleteStateOnClear)
        {
            await ConditionalAsync(stateName, grainId, grainState.ETag, "clear", (condition, values) =>
                _db.DeleteItemAsync(new DeleteItemRequest { TableName = _options.TableName, Key = Key(stateName, grainId), ConditionExpression = condition, ExpressionAttributeValues = values }));
            grainState.ETag = null;
        }
        else
        {
            var item = Key(stateName, grainId);
            var etag = Guid.NewGuid().ToString("N");
            item["etag"] = Attr.S(etag);
            await ConditionalAsync(stateName, grainId, grainState.ETag, "clear", (condition, values) =>
                _db.PutItemAsync(new PutItemRequest { TableName = _options.TableName, Item = item, ConditionExpression = condition, ExpressionAttributeValues = values }));
            grainState.ETag = etag;
        }
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
    }

    private async Task ConditionalAsync(string stateName, GrainId grainId, string? etag, string operation, Func<string, Dictionary<string, AttributeValue>?, Task> write)
    {
        var condition = etag is null ? "attribute_not_exists(pk)" : "etag = :etag";
        var values = etag is null ? null : new Dictionary<string, AttributeValue> { [":etag"] = Attr.S(etag) };
        try
        {
            await write(condition, values);
        }
        catch (ConditionalCheckFailedException)
        {
            var current = (await _db.GetItemAsync(new GetItemRequest { TableName = _options.TableName, Key = Key(stateName, grainId), ConsistentRead = true })).Item?.GetS("etag");
            LogConflict(_logger, operation, stateName, grainId, etag, current);
            throw new InconsistentStateException($"DynamoDB grain storage '{_name}': {operation} of {stateName} for {grainId} expected etag {etag ?? "(none)"}, found {current ?? "(none)"}", current ?? "", etag ?? "");
        }
    }

    private Dictionary<string, AttributeValue> Key(string stateName, GrainId grainId) => new()
    {
        ["pk"] = Attr.S($"{_serviceId}/{_name}/{stateName}/{grainId}"),
    };

    public void Dispose() => _db.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {Operation} of {StateName} for {GrainId} refused: expected etag {Expected}, stored {Stored}")]
    private static partial void LogConflict(ILogger logger, string operation, string stateName, GrainId grainId, string? expected, string? stored);
}
