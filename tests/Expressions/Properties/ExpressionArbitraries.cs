using DataTier.Model;
using FsCheck;
using FsCheck.Fluent;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// FsCheck arbitraries for the expression properties, with shrinkers that drop attributes from the item,
/// replace a condition by one of its parts and drop update actions, so a failure reports a small case.
/// </summary>
public static class ExpressionArbitraries
{
    private static readonly Gen<int> Seed = Gen.Choose(0, int.MaxValue - 1);

    public static Arbitrary<ConditionCase> Conditions() => Arb.From(
        from item in Gen.Frequency((9, ValueGenerators.Item.Select(i => (Dictionary<string, AttrValue>?)i)), (1, Gen.Constant<Dictionary<string, AttrValue>?>(null)))
        from condition in new ConditionGenerators(item).Condition(3)
        from seed in Seed
        select new ConditionCase(item, condition, seed),
        ShrinkCondition);

    public static Arbitrary<PrecedenceCase> Chains() => Arb.From(
        from item in ValueGenerators.Item
        from count in Gen.Choose(2, 5)
        from leaves in new ConditionGenerators(item).Leaf.ListOf(count)
        from nots in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2))).ListOf(count)
        from ors in Gen.Elements(true, false).ListOf(count - 1)
        from seed in Seed
        select new PrecedenceCase(item, leaves.ToList(), nots.ToList(), ors.ToList(), seed),
        ShrinkChain);

    public static Arbitrary<UpdateCase> Updates() => Arb.From(
        from item in ValueGenerators.Item
        from actions in new UpdateGenerators(item).Actions
        from seed in Seed
        select new UpdateCase(item, actions, seed),
        ShrinkUpdate);

    private static IEnumerable<ConditionCase> ShrinkCondition(ConditionCase c)
    {
        foreach (var smaller in Smaller(c.Condition)) yield return c with { Condition = smaller };
        foreach (var item in Smaller(c.Item)) yield return c with { Item = item };
    }

    private static IEnumerable<PrecedenceCase> ShrinkChain(PrecedenceCase c)
    {
        for (var i = 0; c.Leaves.Count > 2 && i < c.Leaves.Count; i++)
        {
            var op = Math.Max(0, i - 1);
            yield return c with
            {
                Leaves = c.Leaves.Where((_, k) => k != i).ToList(),
                Nots = c.Nots.Where((_, k) => k != i).ToList(),
                Ors = c.Ors.Where((_, k) => k != op).ToList(),
            };
        }
        foreach (var item in Smaller(c.Item)) yield return c with { Item = item };
    }

    private static IEnumerable<UpdateCase> ShrinkUpdate(UpdateCase c)
    {
        for (var i = 0; c.Actions.Count > 1 && i < c.Actions.Count; i++)
            yield return c with { Actions = c.Actions.Where((_, k) => k != i).ToList() };
        foreach (var item in Smaller(c.Item)) yield return item is null ? c : c with { Item = item };
    }

    private static IEnumerable<RCondition> Smaller(RCondition condition)
    {
        switch (condition)
        {
            case RAnd a:
                yield return a.Left;
                yield return a.Right;
                foreach (var l in Smaller(a.Left)) yield return a with { Left = l };
                foreach (var r in Smaller(a.Right)) yield return a with { Right = r };
                break;
            case ROr o:
                yield return o.Left;
                yield return o.Right;
                foreach (var l in Smaller(o.Left)) yield return o with { Left = l };
                foreach (var r in Smaller(o.Right)) yield return o with { Right = r };
                break;
            case RNot n:
                yield return n.Inner;
                foreach (var i in Smaller(n.Inner)) yield return n with { Inner = i };
                break;
        }
    }

    private static IEnumerable<Dictionary<string, AttrValue>> Smaller(Dictionary<string, AttrValue>? item)
    {
        if (item is null) yield break;
        foreach (var name in item.Keys)
            yield return item.Where(kv => kv.Key != name).ToDictionary(kv => kv.Key, kv => kv.Value);
    }
}
