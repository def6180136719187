using System.Text.Json;
using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Silo.DynamoDb.Legacy;

/// <summary>
/// Reads a request's expression parameters, translating legacy ones when the request uses those
/// instead; a request that mixes the two forms is refused as AWS refuses it.
/// </summary>
public sealed class LegacyRequest
{
    private static readonly string[] LegacyNames = ["Expected", "AttributeUpdates", "KeyConditions", "QueryFilter", "ScanFilter", "AttributesToGet", "ConditionalOperator"];

    private readonly ApiRequest _request;
    private readonly LegacyExpressionBuilder _builder = new();
    private readonly bool _legacy;

    /// <summary>Checks the mix of parameters as AWS does, in its order, before anything is parsed.</summary>
    public LegacyRequest(ApiRequest request, ExpressionParameters parameters)
    {
        _request = request;
        var expressions = parameters.Expressions.Where(Present).ToList();
        if (expressions.Count > 0)
        {
            // KeyConditions alone may go with the other expressions; with KeyConditionExpression it may not
            var legacyMixed = parameters.Legacy
                .Where(n => n != "KeyConditions" || Present("KeyConditionExpression"))
                .Where(Present)
                .ToList();
            if (legacyMixed.Count > 0)
                throw DynamoException.Validation(
                    $"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {{{string.Join(", ", legacyMixed)}}} Expression parameters: {{{string.Join(", ", expressions)}}}");
        }
        if (Present("ExpressionAttributeNames") && expressions.Count == 0)
            throw DynamoException.Validation("ExpressionAttributeNames can only be specified when using expressions");
        var valueExpressions = parameters.Expressions.Where(e => e != "ProjectionExpression").ToList();
        if (valueExpressions.Count > 0 && Present("ExpressionAttributeValues") && !valueExpressions.Any(Present))
            throw DynamoException.Validation(
                $"ExpressionAttributeValues can only be specified when using expressions: {string.Join(" and ", valueExpressions)} {(valueExpressions.Count > 1 ? "are" : "is")} null");
        _legacy = expressions.Count == 0 && LegacyNames.Any(Present);
    }

    public string? ConditionExpression => Translate("Expected", "ConditionExpression",
        e => LegacyTranslator.Expected(e, _request.String("ConditionalOperator"), _builder));

    public string? UpdateExpression => Translate("AttributeUpdates", "UpdateExpression", e => LegacyTranslator.AttributeUpdates(e, _builder));

    public string? KeyConditionExpression => Translate("KeyConditions", "KeyConditionExpression",
        e => LegacyTranslator.Conditions(e, null, _builder, keyCondition: true));

    public string? FilterExpression(string legacyName) => Translate(legacyName, "FilterExpression",
        e => LegacyTranslator.Conditions(e, _request.String("ConditionalOperator"), _builder, keyCondition: false));

    public string? ProjectionExpression => Translate("AttributesToGet", "ProjectionExpression", e => LegacyTranslator.AttributesToGet(e, _builder));

    /// <summary>Read after the expressions: the names and values they use.</summary>
    public IReadOnlyDictionary<string, string>? Names => _legacy ? (_builder.Names.Count > 0 ? _builder.Names : null) : _request.StringMap("ExpressionAttributeNames");

    public IReadOnlyDictionary<string, AttrValue>? Values => _legacy ? (_builder.Values.Count > 0 ? _builder.Values : null) : _request.AttributeMap("ExpressionAttributeValues");

    private string? Translate(string legacy, string expression, Func<JsonElement, string> translate)
    {
        if (!_legacy) return _request.String(expression);
        if (!_request.Root.TryGetProperty(legacy, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        var count = value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().Count(),
            JsonValueKind.Array => value.GetArrayLength(),
            _ => throw ApiRequest.Serialization(value.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Expected map or null"),
        };
        return count == 0 ? null : translate(value);
    }

    private bool Present(string name) => _request.Root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
}
