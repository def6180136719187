using DataTier.Model;

namespace DataTier.Client.Expressions;

/// <summary>
/// Hands out the #n0, #n1 … name placeholders (one per distinct name) and :v0, :v1 … value placeholders
/// of one request, shared by all its expressions.
/// </summary>
internal sealed class ExpressionAttributes
{
    private readonly Dictionary<string, string> _names = [];
    private readonly Dictionary<string, string> _placeholderOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttrValue> _values = [];

    public IReadOnlyDictionary<string, string>? Names => _names.Count == 0 ? null : new Dictionary<string, string>(_names);

    public IReadOnlyDictionary<string, AttrValue>? Values => _values.Count == 0 ? null : new Dictionary<string, AttrValue>(_values);

    public string Name(string name)
    {
        if (!_placeholderOf.TryGetValue(name, out var placeholder))
        {
            placeholder = "#n" + _placeholderOf.Count;
            _placeholderOf[name] = placeholder;
            _names[placeholder] = name;
        }
        return placeholder;
    }

    public string Path(AttributePath path) =>
        string.Concat(path.Steps.Select((step, i) => step switch
        {
            int index => $"[{index}]",
            _ => (i == 0 ? "" : ".") + Name((string)step),
        }));

    public string Value(ExpressionValue value)
    {
        var placeholder = ":v" + _values.Count;
        _values[placeholder] = value.Value;
        return placeholder;
    }
}
