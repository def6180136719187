using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Expressions;

public sealed partial class ExpressionParser
{
    private static readonly string[] UpdateClauses = ["SET", "REMOVE", "ADD", "DELETE"];

    // AWS reports overlapping paths before a wrong ADD or DELETE operand, and that before a wrong function operand,
    // wherever each stands in the expression: the first of each kind is kept until the whole expression is read.
    private DynamoException? _operatorOperandError;
    private DynamoException? _functionOperandError;

    /// <summary>Parses an UpdateExpression: SET, REMOVE, ADD and DELETE clauses, each at most once.</summary>
    public static IReadOnlyList<UpdateAction> ParseUpdate(string text, ExpressionContext context)
    {
        var parser = new ExpressionParser("UpdateExpression", text, context);
        var actions = new List<UpdateAction>();
        // The clauses seen so far, one bit each (this runs on every UpdateItem: no set, no closure).
        var seen = 0;
        while (parser.Peek.Kind != TokenKind.End)
        {
            var clause = parser.Peek;
            var index = clause.Kind == TokenKind.Name ? UpdateClauseIndex(clause.Text) : -1;
            if (index < 0) throw parser.SyntaxError(clause.Text, clause.Position);
            var keyword = UpdateClauses[index];
            if ((seen & (1 << index)) != 0)
                throw DynamoException.Validation($"Invalid UpdateExpression: The \"{keyword}\" section can only be used once in an update expression;");
            seen |= 1 << index;
            parser._pos++;
            do actions.Add(parser.ParseUpdateAction(keyword));
            while (parser.TryTake(","));
        }
        CheckOverlaps("UpdateExpression", actions.Select(a => a.Path.Path).ToList());
        if ((parser._operatorOperandError ?? parser._functionOperandError) is { } error) throw error;
        return actions;
    }

    private static int UpdateClauseIndex(string text)
    {
        for (var i = 0; i < UpdateClauses.Length; i++)
            if (UpdateClauses[i].Equals(text, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
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
                var value = _context.ResolveValue(token.Text, "UpdateExpression");
                var allowed = clause == "ADD"
                    ? value.Type is AttrType.N or AttrType.SS or AttrType.NS or AttrType.BS
                    : value.Type is AttrType.SS or AttrType.NS or AttrType.BS;
                if (!allowed)
                    _operatorOperandError ??= DynamoException.Validation($"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: {clause}, operand type: {TypeName(value.Type)}");
                return clause == "ADD" ? new AddAction(path, value) : new DeleteAction(path, value);
        }
    }

    private UpdateValue ParseSetValue()
    {
        var left = ParseSetOperand();
        var symbol = Peek.Text;
        if (!TryTake("+") && !TryTake("-")) return left;
        var right = ParseSetOperand();
        CheckLiteralOperand(symbol, "N", left);
        CheckLiteralOperand(symbol, "N", right);
        return new ArithmeticValue(symbol == "-", left, right);
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
                    CheckLiteralOperand("list_append", "L", first);
                    CheckLiteralOperand("list_append", "L", second);
                    return new ListAppendValue(first, second);
                }
                default:
                    throw DynamoException.Validation($"Invalid UpdateExpression: Invalid function name; function: {token.Text}");
            }
        }
        if (token.Kind == TokenKind.ValuePlaceholder)
        {
            _pos++;
            return new OperandValue(new ValueOperand(_context.ResolveValue(token.Text, "UpdateExpression")));
        }
        return new OperandValue(ParsePath());
    }

    /// <summary>A literal operand of another type than <paramref name="type"/>; a path's or a function's type is known only on the item.</summary>
    private void CheckLiteralOperand(string function, string type, UpdateValue operand)
    {
        if (operand is OperandValue { Operand: ValueOperand { Value.Type: var actual } } && actual.ToString() != type)
            _functionOperandError ??= DynamoException.Validation(
                $"Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: {function}, operand type: {actual}");
    }

    private static string TypeName(AttrType type) => type switch
    {
        AttrType.S => "STRING",
        AttrType.N => "NUMBER",
        AttrType.B => "BINARY",
        AttrType.BOOL => "BOOLEAN",
        AttrType.NULL => "NULL",
        AttrType.L => "LIST",
        AttrType.M => "MAP",
        _ => type.ToString(),
    };
}
