namespace DataTier.Client.Expressions;

/// <summary>
/// Renders the expressions of one request together, so that they share one set of #n and :v placeholders.
/// The <c>With…</c> extension methods on the request types use it; use it directly to fill a request by hand.
/// </summary>
public sealed class ExpressionBuilder
{
    private KeyConditionBuilder? _keyCondition;
    private UpdateBuilder? _update;
    private ConditionBuilder? _condition;
    private ConditionBuilder? _filter;
    private ProjectionBuilder? _projection;

    public ExpressionBuilder WithKeyCondition(KeyConditionBuilder? keyCondition) { _keyCondition = keyCondition; return this; }

    public ExpressionBuilder WithUpdate(UpdateBuilder? update) { _update = update; return this; }

    public ExpressionBuilder WithCondition(ConditionBuilder? condition) { _condition = condition; return this; }

    public ExpressionBuilder WithFilter(ConditionBuilder? filter) { _filter = filter; return this; }

    public ExpressionBuilder WithProjection(ProjectionBuilder? projection) { _projection = projection; return this; }

    public ExpressionSet Build()
    {
        var attributes = new ExpressionAttributes();
        var keyCondition = _keyCondition?.Render(attributes);
        var update = _update?.Render(attributes);
        var condition = _condition?.Render(attributes);
        var filter = _filter?.Render(attributes);
        var projection = _projection?.Render(attributes);
        return new ExpressionSet(keyCondition, update, condition, filter, projection, attributes.Names, attributes.Values);
    }
}
