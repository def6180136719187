using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Client;

/// <summary>
/// What DynamoDB checks of an update expression against the table's keys before it reads the item, in its order: no
/// action on a key attribute; no value of a type other than its definition's given to an index key attribute (where
/// the action's type is known without the item); no nested path (in an action or a value) into a key attribute.
/// </summary>
internal static class UpdateKeyChecks
{
    public static void Check(TableDescription table, IReadOnlyList<UpdateAction> actions)
    {
        var keys = ItemValidator.KeyAttributes(table.KeySchema).ToList();
        foreach (var action in actions)
            if (keys.Any(k => k.Name == action.Path.TopLevelName))
                throw DynamoException.Validation($"One or more parameter values were invalid: Cannot update attribute {action.Path.TopLevelName}. This attribute is part of the key");
        foreach (var (index, key) in KeyPathChecks.IndexKeys(table))
        {
            // the first action on the whole attribute decides, as in DynamoDB
            var action = actions.FirstOrDefault(a => a.Path.Path.Count == 1 && a.Path.TopLevelName == key.Name);
            if (action is not null && TypeOf(action) is { } type && type != key.Type)
                throw DynamoException.Validation($"One or more parameter values were invalid: Type mismatch for Index Key {key.Name} Expected: {key.Type} Actual: {type} IndexName: {index}");
        }
        KeyPathChecks.Check(table, actions.SelectMany(PathsOf));
    }

    /// <summary>The type an action gives its attribute when the expression alone tells it; null when it depends on the item.</summary>
    private static AttrType? TypeOf(UpdateAction action) => action switch
    {
        SetAction set => TypeOf(set.Value),
        AddAction add => add.Value.Type,
        DeleteAction delete => delete.Value.Type,
        _ => null,
    };

    private static AttrType? TypeOf(UpdateValue value) => value switch
    {
        OperandValue { Operand: ValueOperand v } => v.Value.Type,
        ArithmeticValue => AttrType.N,
        ListAppendValue => AttrType.L,
        IfNotExistsValue ifNotExists => TypeOf(ifNotExists.Fallback),
        _ => null,
    };

    private static IEnumerable<PathOperand> PathsOf(UpdateAction action) =>
        action is SetAction set ? [action.Path, .. PathsOf(set.Value)] : [action.Path];

    private static IEnumerable<PathOperand> PathsOf(UpdateValue value) => value switch
    {
        OperandValue { Operand: PathOperand p } => [p],
        ArithmeticValue a => PathsOf(a.Left).Concat(PathsOf(a.Right)),
        ListAppendValue l => PathsOf(l.First).Concat(PathsOf(l.Second)),
        IfNotExistsValue i => PathsOf(i.Fallback).Prepend(i.Path),
        _ => [],
    };
}
