using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>
/// Parses condition-style expressions (ConditionExpression, KeyConditionExpression) and
/// ProjectionExpression into trees, with DynamoDB's precedence: comparisons and functions bind
/// tightest, then NOT, then AND, then OR.
/// </summary>
public sealed partial class ExpressionParser
{
    private static readonly HashSet<string> AttributeTypeNames =
        new(StringComparer.Ordinal) { "S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS" };

    private static readonly HashSet<string> ConditionFunctions =
        new(StringComparer.Ordinal) { "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains" };

    private readonly string _kind;
    private readonly string _text;
    private readonly ExpressionContext _context;
    private readonly Token[] _tokens;
    private int _pos;

    private ExpressionParser(string kind, string text, ExpressionContext context)
    {
        _kind = kind;
        _text = text;
        _context = context;
        if (string.IsNullOrWhiteSpace(text)) throw DynamoException.Validation($"Invalid {kind}: The expression can not be empty;");
        _tokens = TokenCache.TryGet(text) ?? TokenCache.Keep(text, Tokenizer.Tokenize(text, SyntaxErrorAtEnd));
    }

    private Exception SyntaxErrorAtEnd(string token) => SyntaxError(token, _text.Length);

    public static Condition ParseCondition(string kind, string text, ExpressionContext context)
    {
        var parser = new ExpressionParser(kind, text, context);
        if (!parser.HasRedundantParentheses()) return parser.ParseWhole();
        try
        {
            parser.ParseWhole();
        }
        catch (DynamoException e) when (e.Message.Contains(": Syntax error;", StringComparison.Ordinal))
        {
            throw;
        }
        catch (DynamoException)
        {
        }
        throw DynamoException.Validation($"Invalid {kind}: The expression has redundant parentheses;");
    }

    private Condition ParseWhole()
    {
        var condition = ParseOr();
        Expect(TokenKind.End);
        return condition;
    }

    public static IReadOnlyList<PathOperand> ParseProjection(string text, ExpressionContext context)
    {
        var parser = new ExpressionParser("ProjectionExpression", text, context);
        var paths = new List<PathOperand> { parser.ParsePath() };
        while (parser.TryTake(","))
            paths.Add(parser.ParsePath());
        parser.Expect(TokenKind.End);
        CheckOverlaps("ProjectionExpression", paths.Select(p => p.Path).ToList());
        return paths;
    }

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (TryTakeKeyword("OR")) left = new OrCondition(left, ParseAnd());
        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (TryTakeKeyword("AND")) left = new AndCondition(left, ParseNot());
        return left;
    }

    private Condition ParseNot()
    {
        if (TryTakeKeyword("NOT")) return new NotCondition(ParseNot());
        return ParsePrimary();
    }

    private Condition ParsePrimary()
    {
        if (TryTake("("))
        {
            var inner = ParseOr();
            ExpectSymbol(")");
            return inner;
        }
        var token = Peek;
        if (token.Kind == TokenKind.Name && PeekAt(1).Text == "(" && ConditionFunctions.Contains(token.Text))
        {
            _pos += 2;
            var args = new List<Operand> { ParseOperand() };
            while (TryTake(",")) args.Add(ParseOperand());
            ExpectSymbol(")");
            return MakeFunction(token.Text, args);
        }
        if (token.Kind == TokenKind.Name && PeekAt(1).Text == "(" && token.Text != "size")
            throw DynamoException.Validation($"Invalid {_kind}: Invalid function name; function: {token.Text}");

        var left = ParseOperand();
        if (TryTakeKeyword("BETWEEN"))
        {
            var low = ParseOperand();
            if (!TryTakeKeyword("AND")) throw SyntaxError(Peek.Text, Peek.Position);
            var high = ParseOperand();
            if (low is ValueOperand { Value: var lowValue } && high is ValueOperand { Value: var highValue })
                CheckBetweenBounds(_kind, lowValue, highValue);
            return new BetweenCondition(left, low, high);
        }
        if (TryTakeKeyword("IN"))
        {
            ExpectSymbol("(");
            var candidates = new List<Operand> { ParseOperand() };
            while (TryTake(",")) candidates.Add(ParseOperand());
            ExpectSymbol(")");
            return new InCondition(left, candidates);
        }
        if (left is SizeOperand && Peek.Kind is TokenKind.End or TokenKind.Name || left is SizeOperand && Peek.Text == ")")
            throw DynamoException.Validation($"Invalid {_kind}: The function is not allowed to be used this way in an expression; function: size");
        var op = Peek.Text switch
        {
            "=" => CompareOp.Eq,
            "<>" => CompareOp.Ne,
            "<" => CompareOp.Lt,
            "<=" => CompareOp.Le,
            ">" => CompareOp.Gt,
            ">=" => CompareOp.Ge,
            _ => throw SyntaxError(Peek.Text, Peek.Position),
        };
        var symbol = Peek.Text;
        _pos++;
        var right = ParseOperand();
        CheckDistinct(symbol, left, right);
        return new CompareCondition(op, left, right);
    }

    private Condition MakeFunction(string name, List<Operand> args)
    {
        var expected = name is "attribute_exists" or "attribute_not_exists" ? 1 : 2;
        if (args.Count != expected)
            throw DynamoException.Validation($"Invalid {_kind}: Incorrect number of operands for operator or function; operator or function: {name}, number of operands: {args.Count}");
        if (expected == 2)
        {
            CheckDistinct(name, args[0], args[1]);
            CheckFunctionOperandTypes(name, args);
        }
        if (args[0] is not PathOperand)
            throw DynamoException.Validation($"Invalid {_kind}: Operator or function requires a document path; operator or function: {name}");
        if (name == "attribute_type" && args[1] is ValueOperand { Value: { Type: AttrType.S } typeName } && !AttributeTypeNames.Contains(typeName.Text!))
            throw DynamoException.Validation($"Invalid {_kind}: Invalid attribute type name found; type: {typeName.Text}, valid types: {{B,NULL,SS,BOOL,L,BS,N,NS,S,M}}");
        return new FunctionCondition(name, args);
    }

    private Operand ParseOperand()
    {
        var token = Peek;
        if (token.Kind == TokenKind.ValuePlaceholder)
        {
            _pos++;
            return new ValueOperand(_context.ResolveValue(token.Text, _kind));
        }
        if (token.Kind == TokenKind.Name && token.Text == "size" && PeekAt(1).Text == "(")
        {
            _pos += 2;
            var path = ParsePath();
            ExpectSymbol(")");
            return new SizeOperand(path);
        }
        return ParsePath();
    }

    private PathOperand ParsePath()
    {
        var elements = new List<PathElement> { new(ParseName(), 0) };
        while (true)
        {
            if (TryTake("."))
            {
                elements.Add(new PathElement(ParseName(), 0));
            }
            else if (TryTake("["))
            {
                var index = Peek;
                if (index.Kind != TokenKind.Number) throw SyntaxError(index.Text, index.Position);
                _pos++;
                if (!int.TryParse(index.Text, out var value))
                    throw DynamoException.Validation($"Invalid {_kind}: List index is not within the allowable range; index: [{index.Text}]");
                ExpectSymbol("]");
                elements.Add(new PathElement(null, value));
            }
            else
            {
                return new PathOperand(elements);
            }
        }
    }

    private string ParseName()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.NamePlaceholder:
                _pos++;
                return _context.ResolveName(token.Text, _kind);
            case TokenKind.Name:
                if (ReservedWords.Contains(token.Text))
                    throw DynamoException.Validation($"Invalid {_kind}: Attribute name is a reserved keyword; reserved keyword: {token.Text}");
                _pos++;
                return token.Text;
            default:
                throw SyntaxError(token.Text, token.Position);
        }
    }

    private Token Peek => _tokens[_pos];

    private Token PeekAt(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Length - 1)];

    private bool TryTake(string symbol)
    {
        if (Peek.Kind != TokenKind.Symbol || Peek.Text != symbol) return false;
        _pos++;
        return true;
    }

    private bool TryTakeKeyword(string keyword)
    {
        if (Peek.Kind != TokenKind.Name || !Peek.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase)) return false;
        _pos++;
        return true;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TryTake(symbol)) throw SyntaxError(Peek.Text, Peek.Position);
    }

    private void Expect(TokenKind kind)
    {
        if (Peek.Kind != kind) throw SyntaxError(Peek.Text, Peek.Position);
    }

    private DynamoException SyntaxError(string token, int position)
    {
        var nearStart = Math.Max(0, position - 10);
        var near = _text.Substring(nearStart, Math.Min(_text.Length - nearStart, 20 + Math.Min(position, 10)));
        return DynamoException.Validation($"Invalid {_kind}: Syntax error; token: \"{token}\", near: \"{near.Trim()}\"");
    }
}
