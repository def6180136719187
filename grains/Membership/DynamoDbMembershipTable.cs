using Amazon.DynamoDBv2.Model;
using DataTier.AwsDynamoDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace DataTier.Membership;

/// <summary>
/// Orleans membership on DynamoDB (DESIGN.md, decision 8). Orleans needs a row change and the table
/// version change to happen atomically; with conditional writes alone that is done by keeping the
/// version and every row of a cluster in ONE item (<see cref="MembershipItem"/>). InsertRow and
/// UpdateRow are one UpdateItem each, conditional on the table's version etag (and on the row's absence,
/// or on its etag), which sets the new version, a fresh version etag and the row together.
/// I-am-alive updates touch only the silo's own alive attribute, so they never conflict with
/// membership changes and do not change the version. The item is read with consistent reads.
/// A cluster's item stays far below DynamoDB's 400 KB item limit up to about a thousand silos.
/// </summary>
public sealed partial class DynamoDbMembershipTable : IMembershipTable, IDisposable
{
    private readonly DynamoDbClusteringOptions _options;
    private readonly MembershipItem _item;
    private readonly string _cluster;
    private readonly ILogger<DynamoDbMembershipTable> _logger;
    private readonly bool _ownsClient;

    public DynamoDbMembershipTable(IOptions<DynamoDbClusteringOptions> options, IOptions<ClusterOptions> cluster, ILogger<DynamoDbMembershipTable> logger)
    {
        _options = options.Value;
        _item = new MembershipItem(DynamoDbClients.Create(_options), _options.TableName);
        _ownsClient = true;
        _cluster = ClusterKey(cluster.Value.ServiceId, cluster.Value.ClusterId);
        _logger = logger;
    }

    internal static string ClusterKey(string serviceId, string clusterId) => serviceId + "/" + clusterId;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await DynamoDbTableSetup.EnsureTableAsync(_item.Client, _item.TableName, sortKey: false, _options.CreateTables);
        if (!tryInitTableVersion) return;
        var item = MembershipItem.Key(_cluster);
        item["ver"] = Attr.N(0);
        item["etag"] = Attr.S(Guid.NewGuid().ToString("N"));
        try
        {
            await _item.Client.PutItemAsync(new PutItemRequest { TableName = _item.TableName, Item = item, ConditionExpression = "attribute_not_exists(pk)" });
            LogCreated(_logger, _cluster, _item.TableName);
        }
        catch (ConditionalCheckFailedException)
        {
            // another silo created it
        }
    }

    public Task DeleteMembershipTableEntries(string clusterId) =>
        _item.Client.DeleteItemAsync(new DeleteItemRequest { TableName = _item.TableName, Key = MembershipItem.Key(ClusterKey(ServiceIdOf(_cluster), clusterId)) });

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        var item = await _item.ReadAsync(_cluster);
        foreach (var (entry, etag) in MembershipItem.RowsOf(item))
        {
            if (entry.Status != SiloStatus.Dead || new DateTimeOffset(entry.IAmAliveTime) >= beforeDate) continue;
            var silo = entry.SiloAddress.ToParsableString();
            try
            {
                await _item.Client.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = _item.TableName,
                    Key = MembershipItem.Key(_cluster),
                    UpdateExpression = "REMOVE #r, #e, #a",
                    ConditionExpression = "#e = :etag",
                    ExpressionAttributeNames = Names(silo),
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":etag"] = Attr.S(etag) },
                });
                LogRemovedDefunct(_logger, silo);
            }
            catch (ConditionalCheckFailedException)
            {
                // changed meanwhile: no longer defunct
            }
        }
    }

    public async Task<MembershipTableData> ReadRow(SiloAddress key) => MembershipItem.DataOf(await _item.ReadAsync(_cluster), key);

    public async Task<MembershipTableData> ReadAll() => MembershipItem.DataOf(await _item.ReadAsync(_cluster));

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        WriteRowAsync(entry, tableVersion, "attribute_not_exists(#r)", null);

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        WriteRowAsync(entry, tableVersion, "#e = :rowEtag", etag);

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        var silo = entry.SiloAddress.ToParsableString();
        await _item.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _item.TableName,
            Key = MembershipItem.Key(_cluster),
            UpdateExpression = "SET #a = :alive",
            ConditionExpression = "attribute_exists(#r)",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#r"] = MembershipItem.RowPrefix + silo, ["#a"] = MembershipItem.AlivePrefix + silo },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":alive"] = Attr.N(entry.IAmAliveTime.ToUniversalTime().Ticks) },
        });
    }

    private async Task<bool> WriteRowAsync(MembershipEntry entry, TableVersion tableVersion, string rowCondition, string? rowEtag)
    {
        var silo = entry.SiloAddress.ToParsableString();
        var values = new Dictionary<string, AttributeValue>
        {
            [":oldEtag"] = Attr.S(tableVersion.VersionEtag),
            [":ver"] = Attr.N(tableVersion.Version),
            [":etag"] = Attr.S(Guid.NewGuid().ToString("N")),
            [":row"] = Attr.S(MembershipRow.Serialize(entry)),
            [":newRowEtag"] = Attr.S(Guid.NewGuid().ToString("N")),
            [":alive"] = Attr.N(entry.IAmAliveTime.ToUniversalTime().Ticks),
        };
        if (rowEtag is not null) values[":rowEtag"] = Attr.S(rowEtag);
        try
        {
            await _item.Client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _item.TableName,
                Key = MembershipItem.Key(_cluster),
                UpdateExpression = "SET ver = :ver, etag = :etag, #r = :row, #e = :newRowEtag, #a = :alive",
                ConditionExpression = $"etag = :oldEtag AND {rowCondition}",
                ExpressionAttributeNames = Names(silo),
                ExpressionAttributeValues = values,
            });
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            LogConflict(_logger, silo, tableVersion.Version);
            return false;
        }
    }

    private static Dictionary<string, string> Names(string silo) => new()
    {
        ["#r"] = MembershipItem.RowPrefix + silo,
        ["#e"] = MembershipItem.EtagPrefix + silo,
        ["#a"] = MembershipItem.AlivePrefix + silo,
    };

    private static string ServiceIdOf(string cluster) => cluster[..cluster.IndexOf('/')];

    public void Dispose()
    {
        if (_ownsClient) _item.Client.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the membership of cluster {Cluster} in DynamoDB table {Table}")]
    private static partial void LogCreated(ILogger logger, string cluster, string table);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Membership write for {Silo} at version {Version} lost to a concurrent change")]
    private static partial void LogConflict(ILogger logger, string silo, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the defunct membership row of {Silo}")]
    private static partial void LogRemovedDefunct(ILogger logger, string silo);
}
