using DataTier.Model;

namespace DataTier.Silo.DynamoDb.Legacy;

/// <summary>
/// Collects the placeholders a translation of legacy parameters needs. Every attribute name goes
/// through a #name placeholder, so reserved words and odd characters need no special care.
/// </summary>
public sealed class LegacyExpressionBuilder
{
    private readonly Dictionary<string, string> _nameTokens = new(StringComparer.Ordinal);

    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AttrValue> Values { get; } = new(StringComparer.Ordinal);

    public string Name(string attribute)
    {
        if (_nameTokens.TryGetValue(attribute, out var token)) return token;
        token = "#legacy" + Names.Count;
        Names[token] = attribute;
        _nameTokens[attribute] = token;
        return token;
    }

    /// <summary>A placeholder for a legacy parameter's value, checked as the parameter itself is checked.</summary>
    public string Value(AttrValue value)
    {
        ItemValidator.ValidateValue(value);
        var token = ":legacy" + Values.Count;
        Values[token] = value;
        return token;
    }
}
