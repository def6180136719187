using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Replicas;
using DataTier.Tables;

namespace DataTier.Tests.Replicas;

/// <summary>Tables with read replicas, their keys, and the replicas of their partitions.</summary>
internal static class ReplicaTestTables
{
    public static Task<TableDescription> CreateAsync(ITableClient tables, string name, int? replicas) =>
        tables.CreateTableAsync(new TableDefinition
        {
            Name = name,
            KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
            AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            ReplicaCount = replicas,
        });

    public static Dictionary<string, AttrValue> Key(int i) => new() { ["pk"] = AttrValue.FromS($"k{i}") };

    public static Dictionary<string, AttrValue> Item(int i, int n) => new() { ["pk"] = AttrValue.FromS($"k{i}"), ["n"] = AttrValue.FromN(n) };

    public static Task PutAsync(ITableClient tables, string table, int i, int n) =>
        tables.PutItemAsync(new PutItemRequest { TableName = table, Item = Item(i, n) });

    public static IPartitionReplicaGrain Replica(IGrainFactory grains, TableDescription table, int partition, int replica) =>
        grains.GetGrain<IPartitionReplicaGrain>(PartitionReplicaKey.Of(table.PartitionGrainKey(partition), replica));

    /// <summary>Every replica of every partition applies the log to its end.</summary>
    public static async Task CatchUpAsync(IGrainFactory grains, TableDescription table, int replicas)
    {
        for (var p = 0; p < table.Partitions.Count; p++)
            for (var r = 1; r <= replicas; r++)
                await Replica(grains, table, p, r).CatchUp();
    }

    public static int PartitionOf(TableDescription table, int i) =>
        table.Partitions.PartitionOf(ItemValidator.ItemKeyOf(table.KeySchema, Key(i)).Hash);

    public static global::DataTier.Store.ItemKey ItemKeyOf(TableDescription table, int i) => ItemValidator.ItemKeyOf(table.KeySchema, Key(i));

    public static long? N(IReadOnlyDictionary<string, AttrValue>? item) => item is null ? null : long.Parse(item["n"].Text!);
}
