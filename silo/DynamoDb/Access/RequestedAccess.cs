using System.Text.Json;
using static DataTier.Silo.DynamoDb.Access.RequestJson;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// The IAM actions and resources (ARNs) a request needs, as DynamoDB authorizes them: the table (or index, or stream,
/// backup, global table) it names, each table of a batch, and for a transaction each item's own action on its table.
/// An operation that names no resource needs <c>*</c>.
/// </summary>
public static class RequestedAccess
{
    public readonly record struct Need(string Action, string Resource);

    /// <summary>The IAM action of an operation by its metric name (Streams.GetRecords is dynamodb:GetRecords).</summary>
    public static string ActionOf(string operation) =>
        operation.StartsWith("AutoScaling.", StringComparison.Ordinal) ? "application-autoscaling:" + operation["AutoScaling.".Length..]
        : "dynamodb:" + operation.Replace("Streams.", "", StringComparison.Ordinal);

    public static IEnumerable<Need> Of(string operation, JsonElement root)
    {
        var action = ActionOf(operation);
        if (root.ValueKind != JsonValueKind.Object) return [new(action, "*")];
        switch (operation)
        {
            case "BatchGetItem" or "BatchWriteItem":
                return Member(root, "RequestItems") is { ValueKind: JsonValueKind.Object } items
                    ? items.EnumerateObject().Select(t => new Need(action, TableDescription.ArnOf(t.Name))).ToList()
                    : [new(action, "*")];
            case "TransactWriteItems" or "TransactGetItems":
                return Transaction(root);
            case "ExecuteStatement" or "BatchExecuteStatement" or "ExecuteTransaction":
                return PartiQLAccess.Needs(operation, root);
            case "TagResource" or "UntagResource" or "ListTagsOfResource":
                return [new(action, Text(root, "ResourceArn") ?? "*")];
            case "Streams.DescribeStream" or "Streams.GetShardIterator":
                return [new(action, Text(root, "StreamArn") ?? "*")];
            case "Streams.GetRecords":
                return [new(action, StreamOfIterator(Text(root, "ShardIterator")))];
            case "DescribeBackup" or "DeleteBackup":
                return [new(action, Text(root, "BackupArn") ?? "*")];
            case "RestoreTableFromBackup":
                return [new(action, Text(root, "BackupArn") ?? "*"), new(action, Table(Text(root, "TargetTableName")))];
            case "RestoreTableToPointInTime":
                return [new(action, Text(root, "SourceTableArn") ?? Table(Text(root, "SourceTableName"))), new(action, Table(Text(root, "TargetTableName")))];
            case "DescribeGlobalTable" or "DescribeGlobalTableSettings":
                return [new(action, GlobalTable(Text(root, "GlobalTableName")))];
            case "CreateGlobalTable" or "UpdateGlobalTable" or "UpdateGlobalTableSettings":
                // They make or change the replica tables too, as AWS authorizes them: the global table and the table of that name.
                return [new(action, GlobalTable(Text(root, "GlobalTableName"))), new(action, Table(Text(root, "GlobalTableName")))];
            case "UpdateTable" when Member(root, "ReplicaUpdates") is { ValueKind: JsonValueKind.Array } updates:
                return ReplicaUpdates(Table(Text(root, "TableName")), updates);
        }
        if (Text(root, "TableName") is not { } table) return [new(action, "*")];
        return [new(action, Text(root, "IndexName") is { } index ? TableDescription.ArnOf(table) + "/index/" + index : TableDescription.ArnOf(table))];
    }

    /// <summary>UpdateTable, and for each replica it creates or deletes what AWS asks in the replica's region (<see cref="ReplicaActions"/>).</summary>
    private static List<Need> ReplicaUpdates(string table, JsonElement updates)
    {
        var needs = new List<Need> { new("dynamodb:UpdateTable", table) };
        foreach (var update in updates.EnumerateArray())
        {
            var actions = Member(update, "Create") is not null ? ReplicaActions.Create : Member(update, "Delete") is not null ? ReplicaActions.Delete : [];
            needs.AddRange(actions.Select(a => new Need(a, table)));
        }
        return needs.Distinct().ToList();
    }

    /// <summary>Each action of a transaction is authorized as its single-item operation on its table.</summary>
    private static List<Need> Transaction(JsonElement root)
    {
        var needs = new List<Need>();
        if (Member(root, "TransactItems") is not { ValueKind: JsonValueKind.Array } items) return [new("dynamodb:TransactWriteItems", "*")];
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            foreach (var member in item.EnumerateObject())
            {
                var action = member.Name switch
                {
                    "Put" => "dynamodb:PutItem",
                    "Update" => "dynamodb:UpdateItem",
                    "Delete" => "dynamodb:DeleteItem",
                    "ConditionCheck" => "dynamodb:ConditionCheckItem",
                    "Get" => "dynamodb:GetItem",
                    _ => null,
                };
                if (action is not null) needs.Add(new(action, Table(member.Value.ValueKind == JsonValueKind.Object ? Text(member.Value, "TableName") : null)));
            }
        }
        return needs;
    }

    private static string StreamOfIterator(string? text)
    {
        if (text is null) return "*";
        try
        {
            var iterator = Streams.ShardIterator.Decode(text);
            return $"{TableDescription.ArnOf(iterator.TableName)}/stream/{iterator.Label}";
        }
        catch (Errors.DynamoException)
        {
            return "*";
        }
    }

    private static string Table(string? name) => name is null ? "*" : TableDescription.ArnOf(name);

    private static string GlobalTable(string? name) => name is null ? "*" : GlobalTables.GlobalTableOperations.Arn(name);
}
