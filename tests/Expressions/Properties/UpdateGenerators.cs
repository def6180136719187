using DataTier.Model;
using FsCheck;
using FsCheck.Fluent;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// Generators of update actions aimed at one item: SET (literals, paths, +, -, if_not_exists,
/// list_append, list indexes past the end), REMOVE, ADD and DELETE (on paths of map keys, with a wrong
/// operand type now and then). Most action lists avoid overlapping paths; some keep them, to check that
/// both sides reject them.
/// </summary>
public sealed class UpdateGenerators(IReadOnlyDictionary<string, AttrValue> item)
{
    private readonly List<(RPath Path, AttrValue Value)> _found = ItemPaths.All(item);
    private readonly ConditionGenerators _conditions = new(item);

    public Gen<List<RAction>> Actions =>
        from count in Gen.Choose(1, 4)
        from actions in Action.ListOf(count)
        from keepOverlaps in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
        select keepOverlaps ? actions.ToList() : WithoutOverlaps(actions);

    private Gen<RAction> Action => Gen.Frequency(
        (5, from path in TargetPath from value in SetValue select (RAction)new RSet(path, value)),
        (3, TargetPath.Select(p => (RAction)new RRemove(p))),
        (3, NamePath(AttrType.N, AttrType.SS, AttrType.NS, AttrType.BS).SelectMany(p => AddValue(p).Select(v => (RAction)new RAdd(p, v)))),
        (2, NamePath(AttrType.SS, AttrType.NS, AttrType.BS).SelectMany(p => DeleteValue(p).Select(v => (RAction)new RDelete(p, v)))));

    /// <summary>Any path, including list indexes just past the end of the item's lists.</summary>
    private Gen<RPath> TargetPath
    {
        get
        {
            var lists = _found.Where(f => f.Value.Type == AttrType.L).ToList();
            var topLevel = ValueGenerators.Name.Select(n => new RPath(RStep.Key(n)));
            if (lists.Count == 0) return Gen.Frequency((3, _conditions.Path), (1, topLevel));
            var pastEnd = Gen.Elements(lists.ToArray()).SelectMany(l => Gen.Choose(0, 2).Select(k => new RPath([.. l.Path.Steps, RStep.At(l.Value.List!.Count + k)])));
            return Gen.Frequency((6, _conditions.Path), (2, topLevel), (2, pastEnd));
        }
    }

    /// <summary>A path of map keys only, as ADD and DELETE take; mostly one holding a value of the given types.</summary>
    private Gen<RPath> NamePath(params AttrType[] types)
    {
        {
            var random = from first in ValueGenerators.Name
                         from nested in Gen.Frequency((6, Gen.Constant<string?>(null)), (1, ValueGenerators.Name.Select(n => (string?)n)))
                         select nested is null ? new RPath(RStep.Key(first)) : new RPath(RStep.Key(first), RStep.Key(nested));
            var named = _found.Where(f => f.Path.Steps.All(s => s.Name is not null)).ToList();
            var fitting = named.Where(f => types.Contains(f.Value.Type)).Select(f => f.Path).ToArray();
            var any = named.Select(f => f.Path).ToArray();
            return Gen.Frequency(
                (fitting.Length == 0 ? 0 : 4, fitting.Length == 0 ? random : Gen.Elements(fitting)),
                (any.Length == 0 ? 0 : 1, any.Length == 0 ? random : Gen.Elements(any)),
                (3, random));
        }
    }

    private Gen<AttrValue> AddValue(RPath path) => Gen.Frequency(
        (4, ValueGenerators.Number),
        (3, SetLike(path)),
        (1, Gen.OneOf(ValueGenerators.String, ValueGenerators.Value(1))));

    private Gen<AttrValue> DeleteValue(RPath path) => Gen.Frequency(
        (5, SetLike(path)),
        (1, Gen.OneOf(ValueGenerators.Number, ValueGenerators.Value(1))));

    /// <summary>A set, usually of the type already at the path.</summary>
    private Gen<AttrValue> SetLike(RPath path) => RefValues.Resolve(item, path)?.Type switch
    {
        AttrType.SS => Gen.Frequency((3, ValueGenerators.StringSet), (1, ValueGenerators.AnySet)),
        AttrType.NS => Gen.Frequency((3, ValueGenerators.NumberSet), (1, ValueGenerators.AnySet)),
        AttrType.BS => Gen.Frequency((3, ValueGenerators.BinarySet), (1, ValueGenerators.AnySet)),
        _ => ValueGenerators.AnySet,
    };

    private Gen<RSetValue> SetValue => Gen.Frequency(
        (4, ValueGenerators.Value(2).Select(v => (RSetValue)new ROperandValue(new RValue(v)))),
        (2, ExistingPath.Select(p => (RSetValue)new ROperandValue(p))),
        (3, from left in NumberOperand from minus in Gen.Elements(true, false) from right in NumberOperand select (RSetValue)new RArithmetic(left, minus, right)),
        (2, from path in _conditions.Path from fallback in ValueGenerators.Value(1) select (RSetValue)new RIfNotExists(path, new ROperandValue(new RValue(fallback)))),
        (2, from first in ListOperand from second in ListOperand select (RSetValue)new RListAppend(first, second)));

    /// <summary>A path the item has, now and then one it lacks.</summary>
    private Gen<RPath> ExistingPath => _found.Count == 0
        ? _conditions.Path
        : Gen.Frequency((4, Gen.Elements(_found.ToArray()).Select(f => f.Path)), (1, _conditions.Path));

    private Gen<RSetValue> NumberOperand
    {
        get
        {
            var numbers = _found.Where(f => f.Value.Type == AttrType.N).Select(f => f.Path).ToList();
            var path = numbers.Count == 0 ? _conditions.Path : Gen.Frequency((3, Gen.Elements(numbers.ToArray())), (1, _conditions.Path));
            return Gen.Frequency(
                (6, ValueGenerators.Number.Select(v => (RSetValue)new ROperandValue(new RValue(v)))),
                (6, path.Select(p => (RSetValue)new ROperandValue(p))),
                (3, from p in path from v in ValueGenerators.Number select (RSetValue)new RIfNotExists(p, new ROperandValue(new RValue(v)))),
                (1, ValueGenerators.String.Select(v => (RSetValue)new ROperandValue(new RValue(v)))));
        }
    }

    private Gen<RSetValue> ListOperand
    {
        get
        {
            var lists = _found.Where(f => f.Value.Type == AttrType.L).Select(f => f.Path).ToList();
            var path = lists.Count == 0 ? _conditions.Path : Gen.Frequency((3, Gen.Elements(lists.ToArray())), (1, _conditions.Path));
            var literal = Gen.Choose(0, 2).SelectMany(n => ValueGenerators.Value(1).ListOf(n)).Select(l => AttrValue.FromL(l.ToList()));
            return Gen.Frequency(
                (4, literal.Select(v => (RSetValue)new ROperandValue(new RValue(v)))),
                (4, path.Select(p => (RSetValue)new ROperandValue(p))),
                (1, ValueGenerators.Scalar.Select(v => (RSetValue)new ROperandValue(new RValue(v)))));
        }
    }

    private static List<RAction> WithoutOverlaps(IEnumerable<RAction> actions)
    {
        var kept = new List<RAction>();
        foreach (var action in actions)
            if (!kept.Any(k => Overlap(k.Path, action.Path) || ReferenceUpdater.Conflict(k.Path, action.Path))) kept.Add(action);
        return kept;
    }

    private static bool Overlap(RPath a, RPath b) => a.Steps.Zip(b.Steps).All(p => p.First == p.Second);
}
