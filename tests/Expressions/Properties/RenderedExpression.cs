using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>Expression text with the ExpressionAttributeNames and ExpressionAttributeValues it uses.</summary>
public sealed record RenderedExpression(string Text, Dictionary<string, string> Names, Dictionary<string, AttrValue> Values)
{
    public override string ToString() =>
        $"\"{Text}\" names {{{string.Join(", ", Names.Select(kv => $"{kv.Key}={kv.Value}"))}}} values {{{string.Join(", ", Values.Select(kv => $"{kv.Key}={kv.Value}"))}}}";
}
