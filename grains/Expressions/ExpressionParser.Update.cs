using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Expressions;

public sealed partial class ExpressionParser
{
    private static readonly string[] UpdateClauses = ["SET", "REMOVE", "ADD", "DELETE"];

    /// <summary>Parses an UpdateExpression: SET, REMOVE, ADD and DELETE clauses, each at most once.</summary>
    public static IReadOnlyList<UpdateAction> ParseUpdate(string text, ExpressionContext context)
    {
        var parser = new ExpressionParser("UpdateExpression", text, context);
        var actions = new List<UpdateAction>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (parser.Peek.Kind != TokenKind.End)
        {
            var clause = parser.Peek;
            var keyword = UpdateClauses.FirstOrDefault(k => clause.Kind == TokenKind.Name && k.Equals(clause.Text, StringComparison.OrdinalIgnoreCase))
                ?? throw parser.SyntaxError(clause.Text, clause.Position);
            if (!seen.Add(keyword))
                throw DynamoException.Validation($"Invalid UpdateExpression: The \"{keyword}\" section can only be used once in an update expression;");
            parser._pos++;
            do actions.Add(parser.ParseUpdateAction(keyword));
            while (parser.TryTake(","));
        }
        CheckOverlaps(actions);
        return actions;
    }

    private UpdateAction ParseUpdateAction(string clause)
    {
        var path = ParsePath();
        switch (clause)
        {
            case "SET":
                ExpectSymbol("=");
                return new SetAction(path, ParseSetValue());
            case "REMOVE":
                return new RemoveAction(path);
            default:
                var token = Peek;
                if (token.Kind != TokenKind.ValuePlaceholder) throw SyntaxError(token.Text, token.Position);
                _pos++;
                var value = _context.ResolveValue(token.Text);
                var allowed = clause == "ADD"
                    ? value.Type is AttrType.N or AttrType.SS or AttrType.NS or AttrType.BS
                    : value.Type is AttrType.SS or AttrType.NS or AttrType.BS;
                if (!allowed)
                    throw DynamoException.Validation($"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: {clause}, operand type: {TypeName(value.Type)}");
                return clause == "ADD" ? new AddAction(path, value) : new DeleteAction(path, value);
        }
    }

    private UpdateValue ParseSetValue()
    {
        var left = ParseSetOperand();
        if (TryTake("+")) return new ArithmeticValue(false, left, ParseSetOperand());
        if (TryTake("-")) return new ArithmeticValue(true, left, ParseSetOperand());
        return left;
    }

    private UpdateValue ParseSetOperand()
    {
        var token = Peek;
        if (token.Kind == TokenKind.Name && PeekAt(1).Text == "(")
        {
            _pos += 2;
            switch (token.Text)
            {
                case "if_not_exists":
                {
                    var path = ParsePath();
                    ExpectSymbol(",");
                    var fallback = ParseSetOperand();
                    ExpectSymbol(")");
                    return new IfNotExistsValue(path, fallback);
                }
                case "list_append":
                {
                    var first = ParseSetOperand();
                    ExpectSymbol(",");
                    var second = ParseSetOperand();
                    ExpectSymbol(")");
                    return new ListAppendValue(first, second);
                }
                default:
                    throw DynamoException.Validation($"Invalid UpdateExpression: Invalid function name; function: {token.Text}");
            }
        }
        if (token.Kind == TokenKind.ValuePlaceholder)
        {
            _pos++;
            return new OperandValue(new ValueOperand(_context.ResolveValue(token.Text)));
        }
        return new OperandValue(ParsePath());
    }

    private static void CheckOverlaps(List<UpdateAction> actions)
    {
        for (var i = 0; i < actions.Count; i++)
            for (var j = i + 1; j < actions.Count; j++)
            {
                var a = actions[i].Path.Path;
                var b = actions[j].Path.Path;
                var common = Math.Min(a.Count, b.Count);
                var prefix = true;
                for (var k = 0; k < common && prefix; k++) prefix = a[k] == b[k];
                if (!prefix) continue;
                var one = string.Join(", ", a);
                var two = string.Join(", ", b);
                throw DynamoException.Validation(a.Count == b.Count
                    ? $"Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{one}], path two: [{two}]"
                    : $"Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{one}], path two: [{two}]");
            }
    }

    private static string TypeName(AttrType type) => type switch
    {
        AttrType.BOOL => "BOOL",
        AttrType.NULL => "NULL",
        _ => type.ToString(),
    };
}
