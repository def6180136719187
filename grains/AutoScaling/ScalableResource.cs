namespace DataTier.AutoScaling;

/// <summary>What Application Auto Scaling scales in DynamoDB: a table (<c>table/NAME</c>) or one of its global secondary indexes (<c>table/NAME/index/INDEX</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record ScalableResource([property: Id(0)] string Table, [property: Id(1)] string? Index = null)
{
    private const string TablePrefix = "table/";
    private const string IndexSeparator = "/index/";

    public string ResourceId => Index is null ? TablePrefix + Table : TablePrefix + Table + IndexSeparator + Index;

    /// <summary>The resource a resource id names; null when it names neither a table nor an index.</summary>
    public static ScalableResource? Parse(string resourceId)
    {
        if (!resourceId.StartsWith(TablePrefix, StringComparison.Ordinal)) return null;
        var rest = resourceId[TablePrefix.Length..];
        var separator = rest.IndexOf(IndexSeparator, StringComparison.Ordinal);
        if (separator < 0) return rest.Length > 0 && !rest.Contains('/') ? new ScalableResource(rest) : null;
        var table = rest[..separator];
        var index = rest[(separator + IndexSeparator.Length)..];
        return table.Length > 0 && index.Length > 0 && !table.Contains('/') && !index.Contains('/') ? new ScalableResource(table, index) : null;
    }
}
