using DataTier.Model;
using FsCheck;
using FsCheck.Fluent;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// Generators of condition ASTs aimed at one item: paths are mostly ones the item has, literals often values
/// found in it. Operand types stay inside what DynamoDB documents: ordering comparisons, BETWEEN and
/// begins_with get S, N or B literals; BETWEEN's literal bounds come in order; a comparison has a path or
/// size() on at least one side, never the same path on both.
/// </summary>
public sealed class ConditionGenerators(IReadOnlyDictionary<string, AttrValue>? item)
{
    private readonly List<(RPath Path, AttrValue Value)> _found = ItemPaths.All(item);

    private static readonly string[] Orderings = ["<", "<=", ">", ">="];

    public Gen<RPath> Path
    {
        get
        {
            var random = Gen.Choose(0, 2).SelectMany(n => Gen.OneOf(
                    ValueGenerators.Name.Select(RStep.Key),
                    Gen.Choose(0, 3).Select(RStep.At)).ListOf(n))
                .SelectMany(rest => ValueGenerators.Name.Select(first => new RPath([RStep.Key(first), .. rest])));
            return _found.Count == 0 ? random : Gen.Frequency((3, Gen.Elements(_found.ToArray()).Select(f => f.Path)), (1, random));
        }
    }

    /// <summary>A literal: often one the item holds, else from the pools.</summary>
    public Gen<AttrValue> Literal => _found.Count == 0
        ? ValueGenerators.Value(1)
        : Gen.Frequency((1, Gen.Elements(_found.ToArray()).Select(f => f.Value)), (1, ValueGenerators.Value(1)));

    public Gen<AttrValue> OrderableLiteral
    {
        get
        {
            var orderable = _found.Where(f => f.Value.Type is AttrType.S or AttrType.N or AttrType.B).Select(f => f.Value).ToList();
            return orderable.Count == 0 ? ValueGenerators.Orderable : Gen.OneOf(Gen.Elements(orderable.ToArray()), ValueGenerators.Orderable);
        }
    }

    /// <summary>A path, or size() of one.</summary>
    public Gen<ROperand> Subject => Gen.Frequency((4, Path.Select(p => (ROperand)p)), (1, Path.Select(p => (ROperand)new RSize(p))));

    public Gen<RCondition> Leaf => Gen.Frequency(
        (4, Equality),
        (3, Ordering),
        (2, Between),
        (2, In),
        (2, Path.SelectMany(p => Gen.Elements("attribute_exists", "attribute_not_exists").Select(f => (RCondition)new RFunction(f, p, null)))),
        (1, Path.SelectMany(p => Gen.Elements(ValueGenerators.TypeNames).Select(t => (RCondition)new RFunction("attribute_type", p, new RValue(AttrValue.FromS(t)))))),
        (2, Path.SelectMany(p => Gen.OneOf(ValueGenerators.String, ValueGenerators.Binary).Select(v => (RCondition)new RFunction("begins_with", p, new RValue(v))))),
        (2, Path.SelectMany(p => Gen.OneOf(ValueGenerators.String, ValueGenerators.Number, ValueGenerators.Binary, OrderableLiteral)
            .Select(v => (RCondition)new RFunction("contains", p, new RValue(v))))));

    public Gen<RCondition> Condition(int depth)
    {
        if (depth <= 0) return Leaf;
        var child = Condition(depth - 1);
        return Gen.Frequency(
            (3, Leaf),
            (2, Gen.Zip(child, child).Select(p => (RCondition)new RAnd(p.Item1, p.Item2))),
            (2, Gen.Zip(child, child).Select(p => (RCondition)new ROr(p.Item1, p.Item2))),
            (1, child.Select(c => (RCondition)new RNot(c))));
    }

    private Gen<RCondition> Equality =>
        from op in Gen.Elements("=", "<>")
        from subject in Subject
        from other in Gen.Frequency((3, Literal.Select(v => (ROperand)new RValue(v))), (1, Subject))
        where !SamePath(subject, other)
        from flip in Gen.Elements(true, false)
        select (RCondition)(flip ? new RCompare(op, other, subject) : new RCompare(op, subject, other));

    private Gen<RCondition> Ordering =>
        from op in Gen.Elements(Orderings)
        from subject in Subject
        from other in Gen.Frequency((3, OrderableLiteral.Select(v => (ROperand)new RValue(v))), (1, Subject))
        where !SamePath(subject, other)
        from flip in Gen.Elements(true, false)
        select (RCondition)(flip ? new RCompare(op, other, subject) : new RCompare(op, subject, other));

    /// <summary>A path compared with itself is refused while parsing, as AWS does ("The first operand must be distinct").</summary>
    private static bool SamePath(ROperand a, ROperand b) => a is RPath p && b is RPath q && p.Steps.SequenceEqual(q.Steps);

    private Gen<RCondition> Between =>
        from subject in Subject
        from a in OrderableLiteral
        from b in OrderableLiteral.Where(b => b.Type == a.Type) // bounds of two types are refused while parsing, as AWS does
        select (RCondition)(RefValues.Order(a, b) > 0
            ? new RBetween(subject, new RValue(b), new RValue(a))
            : new RBetween(subject, new RValue(a), new RValue(b)));

    private Gen<RCondition> In =>
        Gen.Choose(1, 4).SelectMany(n => Literal.ListOf(n))
            .SelectMany(values => Subject.Select(s => (RCondition)new RIn(s, values.Select(v => (ROperand)new RValue(v)).ToList())));
}
