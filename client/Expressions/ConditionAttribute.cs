using DataTier.Model;

namespace DataTier.Client.Expressions;

/// <summary>An attribute in a condition: compare it, or test it with DynamoDB's condition functions.</summary>
public sealed class ConditionAttribute : ConditionOperand
{
    internal ConditionAttribute(AttributePath path) => Path = path ?? throw new ArgumentNullException(nameof(path));

    public AttributePath Path { get; }

    public ConditionBuilder Exists() => Atom(a => $"attribute_exists({a.Path(Path)})");

    public ConditionBuilder NotExists() => Atom(a => $"attribute_not_exists({a.Path(Path)})");

    public ConditionBuilder IsType(AttrType type)
    {
        var name = AttrValue.FromS(type.ToString());
        return Atom(a => $"attribute_type({a.Path(Path)}, {a.Value(name)})");
    }

    public ConditionBuilder BeginsWith(ExpressionValue prefix)
    {
        var value = prefix.Value;
        return Atom(a => $"begins_with({a.Path(Path)}, {a.Value(value)})");
    }

    /// <summary>A substring of a string, a member of a set or an element of a list.</summary>
    public ConditionBuilder Contains(ExpressionValue operand)
    {
        var value = operand.Value;
        return Atom(a => $"contains({a.Path(Path)}, {a.Value(value)})");
    }

    /// <summary>size(attribute): the length of a string or binary, or the element count of a set, list or map.</summary>
    public ConditionOperand Size() => new ConditionSize(Path);

    internal override string Render(ExpressionAttributes attributes) => attributes.Path(Path);
}
