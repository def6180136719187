using DataTier.Client;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace DataTier.Tests.LocalReads;

/// <summary>Table clients as a silo's DynamoDB endpoint has them, and the one-key tables the local read tests use.</summary>
internal static class SiloTables
{
    /// <summary>The table client of an in-process silo, given its local partitions.</summary>
    public static TableClient Of(SiloHandle silo)
    {
        var services = ((InProcessSiloHandle)silo).ServiceProvider;
        return new TableClient(services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<LocalPartitions>());
    }

    /// <summary>The key of item <paramref name="pk"/> of such a table.</summary>
    public static Dictionary<string, AttrValue> Key(string pk) => new() { ["pk"] = AttrValue.FromS(pk) };

    /// <summary>Item <paramref name="pk"/> of such a table, with <c>v</c> set to <paramref name="value"/>.</summary>
    public static Dictionary<string, AttrValue> Item(string pk, string value) => new() { ["pk"] = AttrValue.FromS(pk), ["v"] = AttrValue.FromS(value) };

    /// <summary>A table keyed by a string <c>pk</c>, with no sort key.</summary>
    public static Task<TableDescription> CreateAsync(ITableClient tables, string name) =>
        tables.CreateTableAsync(new TableDefinition
        {
            Name = name,
            KeySchema = new(new("pk", AttrType.S), null),
            AttributeDefinitions = [new("pk", AttrType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
}
