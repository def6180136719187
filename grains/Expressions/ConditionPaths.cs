namespace DataTier.Expressions;

/// <summary>The attribute names a condition reads.</summary>
public static class ConditionPaths
{
    public static HashSet<string> TopLevelNames(Condition condition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(condition, names);
        return names;
    }

    private static void Collect(Condition condition, HashSet<string> names)
    {
        switch (condition)
        {
            case AndCondition a: Collect(a.Left, names); Collect(a.Right, names); break;
            case OrCondition o: Collect(o.Left, names); Collect(o.Right, names); break;
            case NotCondition n: Collect(n.Inner, names); break;
            case CompareCondition c: Add(c.Left, names); Add(c.Right, names); break;
            case BetweenCondition b: Add(b.Value, names); Add(b.Low, names); Add(b.High, names); break;
            case InCondition i: Add(i.Value, names); foreach (var c in i.Candidates) Add(c, names); break;
            case FunctionCondition f: foreach (var a in f.Arguments) Add(a, names); break;
        }
    }

    private static void Add(Operand operand, HashSet<string> names)
    {
        if (operand is PathOperand p) names.Add(p.TopLevelName);
        else if (operand is SizeOperand s) names.Add(s.Path.TopLevelName);
    }
}
