using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>The cluster's table catalog (one activation, key 0), persisted in the durable store.</summary>
public interface ITableCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Creates a table; ResourceInUseException if the name is taken.</summary>
    Task<TableDescription> Create(TableDefinition definition);

    Task<TableDescription?> Describe(string name);

    Task<TableDescription?> DescribeById(Guid id);

    Task<TableListPage> List(string? exclusiveStartTableName, int limit);

    /// <summary>Deletes a table and its items; returns its description with status DELETING.</summary>
    Task<TableDescription> Delete(string name);
}
