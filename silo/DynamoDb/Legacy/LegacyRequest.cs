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
    private readonly bool _legacy;
    private LegacyExpressionBuilder? _builder;

    /// <summary>Checks the mix of parameters as AWS does, in its order, before anything is parsed.</summary>
    public LegacyRequest(ApiRequest request, ExpressionParameters parameters)
    {
        _request = request;
        // Every request passes here: the lists for the error messages are built only when there is an error.
        var anyExpression = AnyPresent(parameters.Expressions);
        if (anyExpression && AnyMixed(parameters.Legacy))
        {
            var expressions = parameters.Expressions.Where(Present);
            var legacyMixed = parameters.Legacy.Where(IsMixed);
            throw DynamoException.Validation(
                $"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {{{string.Join(", ", legacyMixed)}}} Expression parameters: {{{string.Join(", ", expressions)}}}");
        }
        if (!anyExpression && Present("ExpressionAttributeNames"))
            throw DynamoException.Validation("ExpressionAttributeNames can only be specified when using expressions");
        if (Present("ExpressionAttributeValues"))
        {
            var valueExpressions = parameters.Expressions.Where(e => e != "ProjectionExpression").ToList();
            if (valueExpressions.Count > 0 && !valueExpressions.Any(Present))
                throw DynamoException.Validation(
                    $"ExpressionAttributeValues can only be specified when using expressions: {string.Join(" and ", valueExpressions)} {(valueExpressions.Count > 1 ? "are" : "is")} null");
        }
        _legacy = !anyExpression && AnyPresent(LegacyNames);
    }

    /// <summary>Whether the request uses the legacy parameters (and no expressions).</summary>
    public bool UsesLegacy => _legacy;

    private LegacyExpressionBuilder Builder => _builder ??= new();

    public string? ConditionExpression => Translate("Expected", "ConditionExpression",
        e => LegacyTranslator.Expected(e, _request.String("ConditionalOperator"), Builder));

    public string? UpdateExpression => Translate("AttributeUpdates", "UpdateExpression", e => LegacyTranslator.AttributeUpdates(e, Builder));

    /// <summary>KeyConditions may go with the other expressions (a FilterExpression, say), and is translated then too.</summary>
    public string? KeyConditionExpression => !_legacy && !Present("KeyConditionExpression") && _request.Member("KeyConditions") is { ValueKind: JsonValueKind.Object } conditions
        && conditions.EnumerateObject().Any()
        ? LegacyTranslator.Conditions(conditions, null, Builder, keyCondition: true)
        : Translate("KeyConditions", "KeyConditionExpression", e => LegacyTranslator.Conditions(e, null, Builder, keyCondition: true));

    public string? FilterExpression(string legacyName) => Translate(legacyName, "FilterExpression",
        e => LegacyTranslator.Conditions(e, _request.String("ConditionalOperator"), Builder, keyCondition: false));

    public string? ProjectionExpression => Translate("AttributesToGet", "ProjectionExpression", e => LegacyTranslator.AttributesToGet(e, Builder));

    /// <summary>Read after the expressions: the names and values they use.</summary>
    public IReadOnlyDictionary<string, string>? Names => _legacy ? (_builder?.Names.Count > 0 ? _builder.Names : null) : Joined(_request.StringMap("ExpressionAttributeNames"), _builder?.Names);

    public IReadOnlyDictionary<string, AttrValue>? Values => _legacy ? (_builder?.Values.Count > 0 ? _builder.Values : null) : Joined(_request.AttributeMap("ExpressionAttributeValues"), _builder?.Values);

    /// <summary>The request's placeholders with those of KeyConditions translated beside expressions, if any.</summary>
    private static IReadOnlyDictionary<string, T>? Joined<T>(IReadOnlyDictionary<string, T>? request, Dictionary<string, T>? translated)
    {
        if (translated is not { Count: > 0 }) return request;
        var joined = new Dictionary<string, T>(translated, StringComparer.Ordinal);
        foreach (var (name, value) in request ?? new Dictionary<string, T>()) joined[name] = value;
        return joined;
    }

    private string? Translate(string legacy, string expression, Func<JsonElement, string> translate)
    {
        if (!_legacy) return _request.String(expression);
        if (_request.Member(legacy) is not { } value) return null;
        var count = value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().Count(),
            JsonValueKind.Array => value.GetArrayLength(),
            _ => throw ApiRequest.Serialization(value.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Expected map or null"),
        };
        return count == 0 ? null : translate(value);
    }

    private bool AnyPresent(string[] names)
    {
        foreach (var name in names)
            if (Present(name)) return true;
        return false;
    }

    private bool AnyMixed(string[] legacy)
    {
        foreach (var name in legacy)
            if (IsMixed(name)) return true;
        return false;
    }

    /// <summary>A legacy parameter present beside expressions; KeyConditions alone may go with them, but not with KeyConditionExpression.</summary>
    private bool IsMixed(string name) => (name != "KeyConditions" || Present("KeyConditionExpression")) && Present(name);

    private bool Present(string name) => _request.Member(name) is not null;
}
