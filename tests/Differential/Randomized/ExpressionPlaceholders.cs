using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>The ExpressionAttributeNames and ExpressionAttributeValues one request's expressions use, named as they are made.</summary>
internal sealed class ExpressionPlaceholders
{
    private readonly JsonObject _names = [];
    private readonly JsonObject _values = [];

    public string Value(JsonNode value)
    {
        var name = ":v" + _values.Count;
        _values[name] = value;
        return name;
    }

    public string Name(string attribute)
    {
        foreach (var (placeholder, existing) in _names)
            if (existing!.GetValue<string>() == attribute) return placeholder;
        var name = "#n" + _names.Count;
        _names[name] = attribute;
        return name;
    }

    /// <summary>Adds the placeholders to the request, when there are any.</summary>
    public void AddTo(JsonObject request)
    {
        if (_names.Count > 0) request["ExpressionAttributeNames"] = _names.DeepClone();
        if (_values.Count > 0) request["ExpressionAttributeValues"] = _values.DeepClone();
    }
}
