using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// An UPDATE's SET and REMOVE clauses as an UpdateExpression: <c>SET a = set_add(a, &lt;&lt;..&gt;&gt;)</c> becomes
/// <c>ADD a :v</c> and <c>set_delete</c> becomes <c>DELETE a :v</c>, as DynamoDB reads them; the rest are SET and
/// REMOVE actions with the same values, paths, <c>+</c>, <c>-</c>, <c>list_append</c> and <c>if_not_exists</c>.
/// </summary>
public static class PartiQLUpdateWriter
{
    public static string Write(IReadOnlyList<UpdateClause> clauses, PartiQLExpressionWriter writer)
    {
        var set = new List<string>();
        var remove = new List<string>();
        var add = new List<string>();
        var delete = new List<string>();
        foreach (var clause in clauses)
        {
            var path = writer.Path(clause.Path);
            if (clause.Value is null)
                remove.Add(path);
            else if (clause.Value is CallExpression call && (call.Is("set_add") || call.Is("set_delete")))
                (call.Is("set_add") ? add : delete).Add($"{path} {SetOperand(clause.Path, call, writer)}");
            else
                set.Add($"{path} = {Value(clause.Value, writer, nested: false)}");
        }
        var actions = new List<string>();
        if (set.Count > 0) actions.Add("SET " + string.Join(", ", set));
        if (remove.Count > 0) actions.Add("REMOVE " + string.Join(", ", remove));
        if (add.Count > 0) actions.Add("ADD " + string.Join(", ", add));
        if (delete.Count > 0) actions.Add("DELETE " + string.Join(", ", delete));
        return string.Join(" ", actions);
    }

    /// <summary>The members set_add adds or set_delete removes: its second argument, a set; its first must be the target.</summary>
    private static string SetOperand(PathExpression target, CallExpression call, PartiQLExpressionWriter writer)
    {
        var operation = call.Is("set_add") ? "ADD" : "DELETE";
        if (call.Arguments.Count != 2) throw PartiQLErrors.Validation($"SET_{operation} must have exactly two arguments");
        if (call.Arguments[0] is not PathExpression first || first.ToString() != target.ToString())
            throw PartiQLErrors.Validation($"The first argument to SET_{operation} must equal the assignment value");
        var members = PartiQLValues.IsValue(call.Arguments[1]) ? writer.Values.Evaluate(call.Arguments[1]) : null;
        if (members?.Type is not (AttrType.SS or AttrType.NS or AttrType.BS))
            throw PartiQLErrors.Validation($"The second argument to SET_{operation} must be a value with type SET");
        return writer.Value(members);
    }

    private static string Value(PartiQLExpression value, PartiQLExpressionWriter writer, bool nested) => value switch
    {
        PathExpression path => writer.Path(path),
        BinaryExpression { Operator: "+" or "-" } arithmetic when !nested =>
            $"{Value(arithmetic.Left, writer, nested: true)} {arithmetic.Operator} {Value(arithmetic.Right, writer, nested: true)}",
        BinaryExpression binary => throw PartiQLErrors.Validation($"Unsupported operator in Update Expression. Operator: {binary.Operator}"),
        CallExpression call when call.Is("list_append") || call.Is("if_not_exists") =>
            $"{call.Name.ToLowerInvariant()}({string.Join(", ", call.Arguments.Select(a => Value(a, writer, nested: true)))})",
        CallExpression call => throw PartiQLErrors.Validation($"Unrecognized function: {call.Name}"),
        _ => writer.Value(writer.Values.Evaluate(value)),
    };
}
