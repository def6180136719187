using System.Buffers;
using System.Collections.Frozen;
using System.IO.Hashing;
using System.Text.Json;
using DataTier.Errors;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// The DynamoDB JSON 1.0 endpoint: one POST route, dispatched on <c>X-Amz-Target</c>. Every
/// response carries <c>x-amz-crc32</c> (the CRC32 of its exact body) and <c>x-amzn-RequestId</c>.
/// </summary>
public sealed partial class DynamoDbEndpoint(TableOperations tables, ItemOperations items, ReadOperations reads, BatchOperations batches, TransactOperations transactions, AdminOperations admin, Streams.StreamOperations streams, AutoScaling.AutoScalingOperations scaling, BackupOperations backups, RecoveryOperations recovery, GlobalTables.ReplicationOperations replication, GlobalTables.GlobalTableOperations globalTables, GlobalTables.GlobalTableSettingsOperations globalTableSettings, GlobalTables.ReplicaAutoScalingOperations replicaScaling, PartiQL.PartiQLOperations partiql, Signing.RequestSignature signature, Access.AccessPolicies policies, Telemetry.EndpointMetrics metrics, ILogger<DynamoDbEndpoint> logger)
{
    private const string TargetPrefix = "DynamoDB_20120810.";
    private const string StreamsTargetPrefix = "DynamoDBStreams_20120810.";
    private const string ContentType = "application/x-amz-json-1.0";
    // SkipValidation: the writers here emit well-formed JSON by construction (the wire tests parse every
    // answer with the AWS SDK), so the per-token structure checks are spent for nothing on every response.
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>A writer per thread, reset onto each response's buffer: every request used to allocate one.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly FrozenDictionary<string, Operation> _operations = Operations(tables, items, reads, batches, transactions, admin, streams, scaling, backups, recovery, replication, globalTables, globalTableSettings, replicaScaling, partiql);

    /// <summary>An operation: its name in the metrics, and what runs it (given the request, the writer of the answer and the Host header).</summary>
    private sealed record Operation(string MetricName, Func<ApiRequest, Utf8JsonWriter, string, Task> Run);

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = NewRequestId();
        Telemetry.RequestLogScope.Begin(logger, requestId);
        // Rented, and given back once the body is written: most answers (a 1 KB item's GetItem among them) fit the first 4 KB.
        using var output = new PooledBufferWriter(4096);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        _operations.TryGetValue(target, out var operation);
        var operationName = operation?.MetricName ?? UnknownOperationName(target);
        string? table = null;
        var outcome = "ok";
        int status;
        try
        {
            using var body = await RequestBody.ReadAsync(context.Request, signature.Required ? signature : null); // AWS parses the body before it looks at the target
            if (operation is null) throw new DynamoException(DynamoErrorCode.UnknownOperationException, "");
            var root = body.Document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("TableName", out var name) && name.ValueKind == JsonValueKind.String)
                table = name.GetString();
            if (body.AccessKeyId is { } key)
            {
                if (signature.IsReadOnly(key) && WriteNeeded(operation.MetricName, root, table) is { } write)
                    throw Access.AccessPolicies.Denied(key, write.Action, write.Resource, explicitDeny: false);
                if (policies.Any) await policies.AuthorizeAsync(key, operation.MetricName, root, context.Connection.RemoteIpAddress, context.Request.IsHttps);
            }
            var writer = t_writer ?? new Utf8JsonWriter(output, WriterOptions);
            t_writer = null;
            writer.Reset(output);
            try
            {
                await operation.Run(new ApiRequest(root), writer, context.Request.Host.Value ?? "127.0.0.1");
                writer.Flush();
                if (policies.Any) policies.Served(operation.MetricName, root);
            }
            finally
            {
                writer.Reset();
                t_writer = writer;
            }
            status = 200;
        }
        catch (DynamoException e)
        {
            outcome = e.Code.ToString();
            output.Clear();
            status = WriteError(output, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogInternalError(logger, requestId, e);
            outcome = nameof(DynamoErrorCode.InternalServerError);
            output.Clear();
            status = WriteError(output, new DynamoException(DynamoErrorCode.InternalServerError, "Internal server error"));
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.ContentLength = output.WrittenCount;
        response.Headers["x-amzn-RequestId"] = requestId;
        response.Headers["x-amz-crc32"] = Crc32.HashToUInt32(output.WrittenSpan).ToString();
        await response.Body.WriteAsync(output.WrittenMemory);
        metrics.Record(operationName, table, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Ten random hex digits drawn when the silo starts: they tell this silo's request ids from another's.</summary>
    private static readonly string RequestIdPrefix = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5));

    private static long _requestCount;

    /// <summary>
    /// AWS's form of a request id: 52 characters, here 26 upper-case hex digits (the silo's random prefix
    /// and a request counter) padded with 'A'. A counter, not a random GUID per request: ids only need to
    /// be unique, and a GUID cost a system call for random bytes on every request.
    /// </summary>
    private static string NewRequestId() => string.Create(52, Interlocked.Increment(ref _requestCount), static (chars, count) =>
    {
        RequestIdPrefix.CopyTo(chars);
        count.TryFormat(chars[10..26], out _, "X16");
        chars[26..].Fill('A');
    });

    private static FrozenDictionary<string, Operation> Operations(TableOperations tables, ItemOperations items, ReadOperations reads,
        BatchOperations batches, TransactOperations transactions, AdminOperations admin, Streams.StreamOperations streams,
        AutoScaling.AutoScalingOperations scaling, BackupOperations backups, RecoveryOperations recovery, GlobalTables.ReplicationOperations replication,
        GlobalTables.GlobalTableOperations globalTables, GlobalTables.GlobalTableSettingsOperations globalTableSettings,
        GlobalTables.ReplicaAutoScalingOperations replicaScaling, PartiQL.PartiQLOperations partiql)
    {
        var all = new Dictionary<string, Operation>(StringComparer.Ordinal)
        {
            [TargetPrefix + "DescribeEndpoints"] = new("DescribeEndpoints", (_, w, host) => DescribeEndpoints(w, host)),
        };
        void Dynamo(string name, Func<ApiRequest, Utf8JsonWriter, Task> run) => all[TargetPrefix + name] = new(name, (r, w, _) => run(r, w));
        void Streams(string name, Func<ApiRequest, Utf8JsonWriter, Task> run) => all[StreamsTargetPrefix + name] = new("Streams." + name, (r, w, _) => run(r, w));
        Dynamo("CreateTable", tables.CreateTable);
        Dynamo("DescribeTable", tables.DescribeTable);
        Dynamo("ListTables", tables.ListTables);
        Dynamo("DeleteTable", tables.DeleteTable);
        Dynamo("PutItem", items.PutItem);
        Dynamo("GetItem", items.GetItem);
        Dynamo("DeleteItem", items.DeleteItem);
        Dynamo("UpdateItem", items.UpdateItem);
        Dynamo("Query", reads.Query);
        Dynamo("Scan", reads.Scan);
        Dynamo("BatchGetItem", batches.BatchGetItem);
        Dynamo("BatchWriteItem", batches.BatchWriteItem);
        Dynamo("TransactWriteItems", transactions.TransactWriteItems);
        Dynamo("TransactGetItems", transactions.TransactGetItems);
        Dynamo("ExecuteStatement", partiql.ExecuteStatement);
        Dynamo("BatchExecuteStatement", partiql.BatchExecuteStatement);
        Dynamo("ExecuteTransaction", partiql.ExecuteTransaction);
        Dynamo("UpdateTable", admin.UpdateTable);
        Dynamo("TagResource", admin.TagResource);
        Dynamo("UntagResource", admin.UntagResource);
        Dynamo("ListTagsOfResource", admin.ListTagsOfResource);
        Dynamo("DescribeLimits", admin.DescribeLimits);
        Dynamo("DescribeTimeToLive", admin.DescribeTimeToLive);
        Dynamo("UpdateTimeToLive", admin.UpdateTimeToLive);
        Dynamo("CreateBackup", backups.CreateBackup);
        Dynamo("DescribeBackup", backups.DescribeBackup);
        Dynamo("ListBackups", backups.ListBackups);
        Dynamo("DeleteBackup", backups.DeleteBackup);
        Dynamo("RestoreTableFromBackup", backups.RestoreTableFromBackup);
        Dynamo("UpdateContinuousBackups", recovery.UpdateContinuousBackups);
        Dynamo("DescribeContinuousBackups", recovery.DescribeContinuousBackups);
        Dynamo("RestoreTableToPointInTime", recovery.RestoreTableToPointInTime);
        Dynamo("CreateGlobalTable", globalTables.CreateGlobalTable);
        Dynamo("DescribeGlobalTable", globalTables.DescribeGlobalTable);
        Dynamo("UpdateGlobalTable", globalTables.UpdateGlobalTable);
        Dynamo("ListGlobalTables", globalTables.ListGlobalTables);
        Dynamo("DescribeGlobalTableSettings", globalTableSettings.DescribeGlobalTableSettings);
        Dynamo("UpdateGlobalTableSettings", globalTableSettings.UpdateGlobalTableSettings);
        Dynamo("DescribeTableReplicaAutoScaling", replicaScaling.DescribeTableReplicaAutoScaling);
        Dynamo("UpdateTableReplicaAutoScaling", replicaScaling.UpdateTableReplicaAutoScaling);
        Streams("ListStreams", streams.ListStreams);
        Streams("DescribeStream", streams.DescribeStream);
        Streams("GetShardIterator", streams.GetShardIterator);
        Streams("GetRecords", streams.GetRecords);
        void Scaling(string name, Func<ApiRequest, Utf8JsonWriter, Task> run) =>
            all[AutoScaling.AutoScalingOperations.TargetPrefix + name] = new("AutoScaling." + name, (r, w, _) => run(r, w));
        Scaling("RegisterScalableTarget", scaling.RegisterScalableTarget);
        Scaling("DeregisterScalableTarget", scaling.DeregisterScalableTarget);
        Scaling("DescribeScalableTargets", scaling.DescribeScalableTargets);
        Scaling("PutScalingPolicy", scaling.PutScalingPolicy);
        Scaling("DescribeScalingPolicies", scaling.DescribeScalingPolicies);
        Scaling("DeleteScalingPolicy", scaling.DeleteScalingPolicy);
        Scaling("DescribeScalingActivities", scaling.DescribeScalingActivities);
        void Replication(string name, Func<ApiRequest, Utf8JsonWriter, Task> run) =>
            all[GlobalTables.ReplicaClient.TargetPrefix + name] = new("Replication." + name, (r, w, _) => run(r, w));
        Replication("ApplyWrites", replication.ApplyWrites);
        Replication("CreateReplica", replication.CreateReplica);
        Replication("UpdateReplicaGroup", replication.UpdateReplicaGroup);
        Replication("DeleteReplica", replication.DeleteReplica);
        Replication("JoinGlobalTable", replication.JoinGlobalTable);
        Replication("ForwardUpdateTable", replication.ForwardUpdateTable);
        Replication("ForwardUpdateTimeToLive", replication.ForwardUpdateTimeToLive);
        Replication(GlobalTables.ReplicationMessages.UpdateReplicaSettings, replication.UpdateReplicaSettings);
        Replication(GlobalTables.ReplicationMessages.DescribeTableSettings, replication.DescribeTableSettings);
        Replication(GlobalTables.ReplicationMessages.ApplyTableSettings, replication.ApplyTableSettings);
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>What a read-only access key may run (by metric name): reads of items, streams and descriptions.</summary>
    private static readonly FrozenSet<string> ReadOperations = FrozenSet.ToFrozenSet(
    [
        "DescribeEndpoints", "DescribeTable", "ListTables", "GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems",
        "ListTagsOfResource", "DescribeLimits", "DescribeTimeToLive", "DescribeBackup", "ListBackups", "DescribeContinuousBackups",
        "DescribeGlobalTable", "ListGlobalTables", "DescribeGlobalTableSettings", "DescribeTableReplicaAutoScaling",
        "Streams.ListStreams", "Streams.DescribeStream", "Streams.GetShardIterator", "Streams.GetRecords",
        "AutoScaling.DescribeScalableTargets", "AutoScaling.DescribeScalingPolicies", "AutoScaling.DescribeScalingActivities",
    ], StringComparer.Ordinal);

    /// <summary>
    /// What a read-only key may not do that the request asks: its action on its table, or for PartiQL its first
    /// statement that is not a SELECT (PartiQL requests of SELECTs only are reads); null for a read.
    /// </summary>
    private static Access.RequestedAccess.Need? WriteNeeded(string operation, JsonElement root, string? table)
    {
        if (ReadOperations.Contains(operation)) return null;
        if (Access.PartiQLAccess.IsPartiQL(operation)) return Access.PartiQLAccess.FirstWrite(operation, root);
        return new Access.RequestedAccess.Need(Access.RequestedAccess.ActionOf(operation), table is null ? "*" : Tables.TableDescription.ArnOf(table));
    }

    /// <summary>The metric name of a target no operation answers (an UnknownOperationException).</summary>
    private static string UnknownOperationName(string target) =>
        target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..]
        : target.StartsWith(StreamsTargetPrefix, StringComparison.Ordinal) ? "Streams." + target[StreamsTargetPrefix.Length..]
        : target.StartsWith(AutoScaling.AutoScalingOperations.TargetPrefix, StringComparison.Ordinal) ? "AutoScaling." + target[AutoScaling.AutoScalingOperations.TargetPrefix.Length..]
        : "unknown";

    /// <summary>This endpoint is its own (and only) endpoint; AWS caches the answer for a day.</summary>
    private static Task DescribeEndpoints(Utf8JsonWriter w, string host)
    {
        w.WriteStartObject();
        w.WriteStartArray("Endpoints");
        w.WriteStartObject();
        w.WriteString("Address", host);
        w.WriteNumber("CachePeriodInMinutes", 1440);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        return Task.CompletedTask;
    }

    private static int WriteError(IBufferWriter<byte> output, DynamoException e)
    {
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("__type", ErrorNamespace(e.Code) + e.Code);
        if (e.Code is DynamoErrorCode.SerializationException or DynamoErrorCode.UnknownOperationException or DynamoErrorCode.TransactionCanceledException)
        {
            if (e.Message.Length > 0) w.WriteString("Message", e.Message);
        }
        else
        {
            w.WriteString("message", e.Message);
        }
        if (e.Item is not null)
        {
            w.WritePropertyName("Item");
            AttributeValueJson.WriteMap(w, e.Item);
        }
        if (e.CancellationReasons is not null) WriteCancellationReasons(w, e.CancellationReasons);
        if (e.ThrottlingReasons is not null) WriteThrottlingReasons(w, e);
        w.WriteEndObject();
        w.Flush();
        return e.Code == DynamoErrorCode.InternalServerError ? 500 : 400;
    }

    private static void WriteCancellationReasons(Utf8JsonWriter w, IReadOnlyList<Transactions.CancellationReason> reasons)
    {
        w.WriteStartArray("CancellationReasons");
        foreach (var reason in reasons)
        {
            w.WriteStartObject();
            w.WriteString("Code", reason.Code);
            if (reason.Message is not null) w.WriteString("Message", reason.Message);
            if (reason.Item is not null)
            {
                w.WritePropertyName("Item");
                AttributeValueJson.WriteMap(w, reason.Item);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>DynamoDB's model names the member throttlingReasons in a ThrottlingException and ThrottlingReasons in the others.</summary>
    private static void WriteThrottlingReasons(Utf8JsonWriter w, DynamoException e)
    {
        w.WriteStartArray(e.Code == DynamoErrorCode.ThrottlingException ? "throttlingReasons" : "ThrottlingReasons");
        foreach (var reason in e.ThrottlingReasons!)
        {
            w.WriteStartObject();
            w.WriteString("reason", reason.Reason);
            w.WriteString("resource", reason.Resource);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string ErrorNamespace(DynamoErrorCode code) => code switch
    {
        DynamoErrorCode.ValidationException => "com.amazon.coral.validate#",
        DynamoErrorCode.SerializationException or DynamoErrorCode.UnknownOperationException or DynamoErrorCode.MissingAuthenticationTokenException
            or DynamoErrorCode.IncompleteSignatureException or DynamoErrorCode.UnrecognizedClientException or DynamoErrorCode.InvalidSignatureException
            or DynamoErrorCode.AccessDeniedException
            => "com.amazon.coral.service#",
        DynamoErrorCode.ObjectNotFoundException => "com.amazonaws.applicationautoscaling#",
        _ => "com.amazonaws.dynamodb.v20120810#",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId} failed")]
    private static partial void LogInternalError(ILogger logger, string requestId, Exception exception);
}
