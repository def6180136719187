using DataTier.Model;

namespace DataTier.Silo.DynamoDb.Legacy;

/// <summary>
/// Collects the placeholders a translation of legacy parameters (or of a PartiQL statement) needs. Every attribute
/// name goes through a #name placeholder, so reserved words and odd characters need no special care.
/// </summary>
/// <param name="nameStem">What the name placeholders are numbered after (<c>#legacy0</c>, ...).</param>
/// <param name="valueStem">What the value placeholders are numbered after.</param>
public sealed class LegacyExpressionBuilder(string nameStem = "#legacy", string valueStem = ":legacy")
{
    private readonly Dictionary<string, string> _nameTokens = new(StringComparer.Ordinal);

    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AttrValue> Values { get; } = new(StringComparer.Ordinal);

    public string Name(string attribute)
    {
        if (_nameTokens.TryGetValue(attribute, out var token)) return token;
        token = nameStem + Names.Count;
        Names[token] = attribute;
        _nameTokens[attribute] = token;
        return token;
    }

    /// <summary>A placeholder for a legacy parameter's value, checked as the parameter itself is checked.</summary>
    public string Value(AttrValue value)
    {
        ItemValidator.ValidateValue(value);
        var token = valueStem + Values.Count;
        Values[token] = value;
        return token;
    }
}
