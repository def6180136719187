namespace DataTier.Expressions;

/// <summary>The attribute names and paths a condition reads.</summary>
public static class ConditionPaths
{
    public static HashSet<string> TopLevelNames(Condition condition) => Paths(condition).Select(p => p.TopLevelName).ToHashSet(StringComparer.Ordinal);

    public static List<PathOperand> Paths(Condition condition)
    {
        var paths = new List<PathOperand>();
        Collect(condition, paths);
        return paths;
    }

    private static void Collect(Condition condition, List<PathOperand> paths)
    {
        switch (condition)
        {
            case AndCondition a: Collect(a.Left, paths); Collect(a.Right, paths); break;
            case OrCondition o: Collect(o.Left, paths); Collect(o.Right, paths); break;
            case NotCondition n: Collect(n.Inner, paths); break;
            case CompareCondition c: Add(c.Left, paths); Add(c.Right, paths); break;
            case BetweenCondition b: Add(b.Value, paths); Add(b.Low, paths); Add(b.High, paths); break;
            case InCondition i: Add(i.Value, paths); foreach (var c in i.Candidates) Add(c, paths); break;
            case FunctionCondition f: foreach (var a in f.Arguments) Add(a, paths); break;
        }
    }

    private static void Add(Operand operand, List<PathOperand> paths)
    {
        if (operand is PathOperand p) paths.Add(p);
        else if (operand is SizeOperand s) paths.Add(s.Path);
    }
}
