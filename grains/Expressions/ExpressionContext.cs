using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>
/// The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its
/// expressions, recording which were used so unused ones can be rejected as DynamoDB rejects them.
/// </summary>
public sealed class ExpressionContext(IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttrValue>? values)
{
    // Created on first use: most requests name no placeholders at all.
    private HashSet<string>? _usedNames;
    private HashSet<string>? _usedValues;

    public IReadOnlyDictionary<string, string>? Names { get; } = names;
    public IReadOnlyDictionary<string, AttrValue>? Values { get; } = values;

    /// <param name="token">The placeholder, e.g. <c>#n</c>.</param>
    /// <param name="kind">The expression it is in (ConditionExpression, ...), which AWS names in the error.</param>
    public string ResolveName(string token, string kind)
    {
        if (Names is null || !Names.TryGetValue(token, out var name))
            throw DynamoException.Validation($"Invalid {kind}: An expression attribute name used in the document path is not defined; attribute name: {token}");
        (_usedNames ??= []).Add(token);
        return name;
    }

    public AttrValue ResolveValue(string token, string kind)
    {
        if (Values is null || !Values.TryGetValue(token, out var value))
            throw DynamoException.Validation($"Invalid {kind}: An expression attribute value used in expression is not defined; attribute value: {token}");
        (_usedValues ??= []).Add(token);
        return value;
    }

    /// <summary>Call after every expression of the request is parsed.</summary>
    public void EnsureAllUsed()
    {
        if (Names is not null)
        {
            var unused = Names.Keys.Where(k => _usedNames?.Contains(k) != true).ToList();
            if (unused.Count > 0)
                throw DynamoException.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unused)}}}");
        }
        if (Values is not null)
        {
            var unused = Values.Keys.Where(k => _usedValues?.Contains(k) != true).ToList();
            if (unused.Count > 0)
                throw DynamoException.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unused)}}}");
        }
    }
}
