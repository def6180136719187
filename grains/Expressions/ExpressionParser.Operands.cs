using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>
/// Checks AWS makes on a condition's operands before reading any item: a path compared with itself, operand types
/// of begins_with and attribute_type, and parentheses around parentheses.
/// </summary>
public sealed partial class ExpressionParser
{
    private void CheckDistinct(string op, Operand first, Operand second)
    {
        if (first is PathOperand a && second is PathOperand b && a.Path.SequenceEqual(b.Path))
            throw DynamoException.Validation(
                $"Invalid {_kind}: The first operand must be distinct from the remaining operands for this operator or function; operator: {op}, first operand: [{string.Join(", ", a.Path)}]");
    }

    /// <summary>begins_with takes strings or binaries, attribute_type a string as its second operand; a path's type is
    /// not known before the item is read, except as attribute_type's type name, which must be a literal.</summary>
    private void CheckFunctionOperandTypes(string name, List<Operand> args)
    {
        if (name == "begins_with")
        {
            foreach (var arg in args)
                if (StaticType(arg) is { } type && type is not "S" and not "B") throw OperandTypeError(name, type);
        }
        else if (name == "attribute_type" && StaticType(args[1]) is var type && type != "S")
        {
            throw OperandTypeError(name, type ?? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
        }
    }

    private static string? StaticType(Operand operand) => operand switch
    {
        ValueOperand v => v.Value.Type.ToString(),
        SizeOperand => "N",
        _ => null,
    };

    private DynamoException OperandTypeError(string function, string type) =>
        DynamoException.Validation($"Invalid {_kind}: Incorrect operand type for operator or function; operator or function: {function}, operand type: {type}");

    /// <summary>
    /// A parenthesis that opens right inside another and closes right before it (<c>((a = :v))</c>), other than the
    /// parentheses of a function call or an IN list. AWS reports it before any other error but a syntax error.
    /// </summary>
    private bool HasRedundantParentheses()
    {
        var open = new Stack<int>();
        var closes = new int[_tokens.Length];
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (_tokens[i] is not { Kind: TokenKind.Symbol } token) continue;
            if (token.Text == "(") open.Push(i);
            else if (token.Text == ")" && open.Count > 0) closes[open.Pop()] = i;
        }
        for (var i = 0; i + 1 < _tokens.Length; i++)
        {
            if (_tokens[i].Text != "(" || _tokens[i + 1].Text != "(" || _tokens[i].Kind != TokenKind.Symbol) continue;
            if (i > 0 && _tokens[i - 1].Kind == TokenKind.Name && !IsConnective(_tokens[i - 1].Text)) continue;
            if (closes[i] > 0 && closes[i + 1] == closes[i] - 1) return true;
        }
        return false;
    }

    private static bool IsConnective(string word) =>
        word.Equals("AND", StringComparison.OrdinalIgnoreCase) || word.Equals("OR", StringComparison.OrdinalIgnoreCase)
        || word.Equals("NOT", StringComparison.OrdinalIgnoreCase) || word.Equals("BETWEEN", StringComparison.OrdinalIgnoreCase);
}
