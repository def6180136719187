namespace DataTier.Client.Expressions;

/// <summary>A built KeyConditionExpression: the partition key's value and, optionally, one condition on the sort key.</summary>
public sealed class KeyConditionBuilder
{
    private readonly string _partitionKey;
    private readonly ExpressionValue _partitionValue;
    private readonly Func<ExpressionAttributes, string>? _sortKey;

    internal KeyConditionBuilder(string partitionKey, ExpressionValue partitionValue, Func<ExpressionAttributes, string>? sortKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        (_partitionKey, _partitionValue, _sortKey) = (partitionKey, partitionValue, sortKey);
        _ = partitionValue.Value;
    }

    /// <summary>Adds the condition on the sort key named <paramref name="name"/>.</summary>
    public SortKeyClause SortKey(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_sortKey is not null) throw new InvalidOperationException("A key condition holds at most one sort key condition.");
        return new SortKeyClause(name, render => new KeyConditionBuilder(_partitionKey, _partitionValue, render));
    }

    public override string ToString() => Render(new ExpressionAttributes());

    internal string Render(ExpressionAttributes attributes)
    {
        var partition = $"{attributes.Name(_partitionKey)} = {attributes.Value(_partitionValue)}";
        return _sortKey is null ? partition : $"{partition} AND {_sortKey(attributes)}";
    }
}
