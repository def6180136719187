using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// Renders reference ASTs as DynamoDB expression text. Names that are safe identifiers appear bare or as
/// #placeholders at random, all others always as placeholders; every literal gets its own :placeholder.
/// Parentheses go where precedence (NOT over AND over OR) needs them, plus needless ones when asked;
/// keywords come in random case. Everything random is drawn from a seeded <see cref="Random"/>, so a seed
/// renders the same text each time.
/// </summary>
public sealed class ExpressionRenderer(int seed, bool redundantParentheses = false)
{
    /// <summary>Names the generators use that are neither reserved words nor need quoting.</summary>
    public static readonly HashSet<string> SafeNames = new(StringComparer.Ordinal) { "a", "b", "c", "n", "l", "m", "tags", "x" };

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, string> _names = [];
    private readonly Dictionary<string, AttrValue> _values = [];
    private readonly Dictionary<string, string> _placeholderOf = new(StringComparer.Ordinal);

    public static RenderedExpression Condition(RCondition condition, int seed, bool redundantParentheses = false)
    {
        var renderer = new ExpressionRenderer(seed, redundantParentheses);
        return renderer.Done(renderer.Render(condition, 0));
    }

    public static RenderedExpression Update(IReadOnlyList<RAction> actions, int seed)
    {
        var renderer = new ExpressionRenderer(seed);
        var clauses = actions.GroupBy(a => a switch { RSet => "SET", RRemove => "REMOVE", RAdd => "ADD", _ => "DELETE" })
            .OrderBy(_ => renderer._random.Next())
            .Select(g => renderer.Keyword(g.Key) + " " + string.Join(renderer.Comma(), g.Select(renderer.Action)));
        return renderer.Done(string.Join(" ", clauses));
    }

    /// <summary>A flat chain without parentheses: leaf0 op0 leaf1 op1 leaf2 …, each leaf behind its NOTs.</summary>
    public static RenderedExpression Chain(IReadOnlyList<RCondition> leaves, IReadOnlyList<int> nots, IReadOnlyList<bool> ors, int seed)
    {
        var renderer = new ExpressionRenderer(seed);
        var parts = new List<string>();
        for (var i = 0; i < leaves.Count; i++)
        {
            if (i > 0) parts.Add(renderer.Keyword(ors[i - 1] ? "OR" : "AND"));
            for (var k = 0; k < nots[i]; k++) parts.Add(renderer.Keyword("NOT"));
            parts.Add(renderer.Render(leaves[i], 4));
        }
        return renderer.Done(string.Join(" ", parts));
    }

    public RenderedExpression Done(string text) => new(text, new(_names), new(_values));

    private string Render(RCondition condition, int context)
    {
        var (text, precedence) = condition switch
        {
            ROr o => ($"{Render(o.Left, 1)} {Keyword("OR")} {Render(o.Right, 1)}", 1),
            RAnd a => ($"{Render(a.Left, 2)} {Keyword("AND")} {Render(a.Right, 2)}", 2),
            RNot n => ($"{Keyword("NOT")} {Render(n.Inner, 3)}", 3),
            _ => (Atom(condition), 4),
        };
        if (precedence < context) text = $"({text})";
        // never a pair right inside another, which AWS refuses ("The expression has redundant parentheses;")
        if (redundantParentheses && precedence >= context && _random.Next(3) == 0) text = _random.Next(2) == 0 ? $"({text})" : $"( {text} )";
        return text;
    }

    private string Atom(RCondition condition) => condition switch
    {
        RCompare c => $"{Operand(c.Left)}{Space()}{c.Op}{Space()}{Operand(c.Right)}",
        RBetween b => $"{Operand(b.Value)} {Keyword("BETWEEN")} {Operand(b.Low)} {Keyword("AND")} {Operand(b.High)}",
        RIn i => $"{Operand(i.Value)} {Keyword("IN")} ({string.Join(Comma(), i.Candidates.Select(Operand))})",
        RFunction f => f.Argument is null ? $"{f.Name}({Path(f.Path)})" : $"{f.Name}({Path(f.Path)}{Comma()}{Operand(f.Argument)})",
        _ => throw new NotSupportedException(condition.GetType().Name),
    };

    private string Action(RAction action) => action switch
    {
        RSet s => $"{Path(s.Path)}{Space()}={Space()}{SetValue(s.Value)}",
        RRemove r => Path(r.Path),
        RAdd a => $"{Path(a.Path)} {Value(a.Value)}",
        RDelete d => $"{Path(d.Path)} {Value(d.Value)}",
        _ => throw new NotSupportedException(action.GetType().Name),
    };

    private string SetValue(RSetValue value) => value switch
    {
        ROperandValue o => Operand(o.Operand),
        RArithmetic a => $"{SetValue(a.Left)}{Space()}{(a.Minus ? "-" : "+")}{Space()}{SetValue(a.Right)}",
        RIfNotExists f => $"if_not_exists({Path(f.Path)}{Comma()}{SetValue(f.Fallback)})",
        RListAppend l => $"list_append({SetValue(l.First)}{Comma()}{SetValue(l.Second)})",
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    private string Operand(ROperand operand) => operand switch
    {
        RValue v => Value(v.Value),
        RPath p => Path(p),
        RSize s => $"size({Path(s.Path)})",
        _ => throw new NotSupportedException(operand.GetType().Name),
    };

    private string Path(RPath path) =>
        Name(path.Steps[0].Name!) + string.Concat(path.Steps.Skip(1).Select(s => s.Name is null ? $"[{s.Index}]" : "." + Name(s.Name)));

    private string Name(string name)
    {
        if (SafeNames.Contains(name) && _random.Next(3) > 0) return name;
        if (!_placeholderOf.TryGetValue(name, out var placeholder))
        {
            placeholder = "#n" + _placeholderOf.Count;
            _placeholderOf[name] = placeholder;
            _names[placeholder] = name;
        }
        return placeholder;
    }

    private string Value(AttrValue value)
    {
        var placeholder = ":v" + _values.Count;
        _values[placeholder] = value;
        return placeholder;
    }

    private string Keyword(string keyword) => _random.Next(4) switch
    {
        0 => keyword.ToLowerInvariant(),
        1 => keyword[0] + keyword[1..].ToLowerInvariant(),
        _ => keyword,
    };

    private string Space() => _random.Next(4) == 0 ? "" : " ";

    private string Comma() => _random.Next(3) == 0 ? "," : ", ";
}
