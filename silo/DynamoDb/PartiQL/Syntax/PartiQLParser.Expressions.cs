using DataTier.Expressions;
using DataTier.Model;

namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>Expressions, loosest first: OR, AND, NOT, comparisons and predicates, + and -, then terms and paths.</summary>
public sealed partial class PartiQLParser
{
    /// <summary>The type names IS knows; DynamoDB supports only some of them.</summary>
    private static readonly HashSet<string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "MISSING", "NULL", "BOOLEAN", "BOOL", "BLOB", "CLOB", "STRING", "SYMBOL", "NUMERIC", "DECIMAL", "DEC", "INT", "INTEGER", "INT2", "INT4",
        "INT8", "SMALLINT", "FLOAT", "REAL", "DOUBLE", "CHAR", "CHARACTER", "VARCHAR", "STRUCT", "TUPLE", "LIST", "SEXP", "BAG", "TIMESTAMP",
        "DATE", "TIME", "ANY",
    };

    private PartiQLExpression ParseExpression() => ParseOr();

    private PartiQLExpression ParseOr()
    {
        var left = ParseAnd();
        while (TryTakeWord("OR"))
        {
            RequireRightHandSide();
            left = new BinaryExpression("OR", left, ParseAnd());
        }
        return left;
    }

    private PartiQLExpression ParseAnd()
    {
        var left = ParseNot();
        while (TryTakeWord("AND"))
        {
            RequireRightHandSide();
            left = new BinaryExpression("AND", left, ParseNot());
        }
        return left;
    }

    private void RequireRightHandSide()
    {
        if (Peek.Kind == PartiQLTokenKind.End || Peek.IsSymbol(";")) throw PartiQLErrors.Malformed("Missing right-hand side expression of infix operator");
    }

    private PartiQLExpression ParseNot() => TryTakeWord("NOT") ? new NotExpression(ParseNot()) : ParsePredicate();

    private PartiQLExpression ParsePredicate()
    {
        var left = ParseAdditive();
        var token = Peek;
        if (token.Kind == PartiQLTokenKind.Symbol && (BinaryExpression.Comparisons.Contains(token.Text) || token.Text == "!="))
        {
            _position++;
            return new BinaryExpression(token.Text == "!=" ? "<>" : token.Text, left, ParseAdditive());
        }
        if (TryTakeWord("IS")) return ParseIs(left);
        var negated = Peek.IsWord("NOT") && (PeekAt(1).IsWord("IN") || PeekAt(1).IsWord("BETWEEN") || PeekAt(1).IsWord("LIKE"));
        if (negated) _position++;
        PartiQLExpression? predicate = null;
        if (TryTakeWord("IN"))
        {
            predicate = new InExpression(left, ParseAdditive());
        }
        else if (TryTakeWord("BETWEEN"))
        {
            var low = ParseAdditive();
            ExpectWord("AND");
            predicate = new BetweenExpression(left, low, ParseAdditive());
        }
        else if (Peek.IsWord("LIKE"))
        {
            throw PartiQLErrors.Validation("Unsupported operation: Like");
        }
        if (predicate is null) return left;
        return negated ? new NotExpression(predicate) : predicate;
    }

    private IsExpression ParseIs(PartiQLExpression operand)
    {
        var negated = TryTakeWord("NOT");
        var token = Peek;
        if (token.Kind != PartiQLTokenKind.Word || !TypeNames.Contains(token.Text)) throw PartiQLErrors.Malformed("Expected type name");
        _position++;
        var name = token.Text.ToUpperInvariant();
        // Two-word type names.
        if (name == "DOUBLE" && TryTakeWord("PRECISION")) name = "DOUBLE PRECISION";
        else if (name is "CHARACTER" or "CHAR" && TryTakeWord("VARYING")) name += " VARYING";
        return new IsExpression(operand, name, negated);
    }

    private PartiQLExpression ParseAdditive()
    {
        var left = ParseUnary();
        while (Peek.IsSymbol("+") || Peek.IsSymbol("-"))
        {
            var op = Peek.Text;
            _position++;
            left = new BinaryExpression(op, left, ParseUnary());
        }
        return left;
    }

    private PartiQLExpression ParseUnary()
    {
        if ((Peek.IsSymbol("-") || Peek.IsSymbol("+")) && PeekAt(1).Kind == PartiQLTokenKind.Number)
        {
            var sign = Peek.Text == "-" ? "-" : "";
            _position++;
            return Number(sign + Take().Text);
        }
        return ParsePrimary();
    }

    private PartiQLExpression ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case PartiQLTokenKind.Number:
                _position++;
                return Number(token.Text);
            case PartiQLTokenKind.String:
                _position++;
                return new LiteralExpression(AttrValue.FromS(token.Text));
            case PartiQLTokenKind.Parameter:
                _position++;
                return new ParameterExpression(_parameters++);
            case PartiQLTokenKind.QuotedName:
                _position++;
                return ParsePathAfter(token.Text);
            case PartiQLTokenKind.Word:
                return ParseWordTerm(token);
            case PartiQLTokenKind.Symbol:
                return ParseBracketed(token);
            default:
                throw PartiQLErrors.Malformed("Unexpected term");
        }
    }

    private PartiQLExpression ParseWordTerm(PartiQLToken token)
    {
        if (PeekAt(1).IsSymbol("("))
        {
            _position += 2;
            var arguments = new List<PartiQLExpression>();
            if (!TryTakeSymbol(")"))
            {
                do arguments.Add(ParseExpression());
                while (TryTakeSymbol(","));
                ExpectSymbol(")");
            }
            return new CallExpression(token.Text, arguments);
        }
        _position++;
        if (token.IsWord("TRUE")) return new LiteralExpression(AttrValue.True);
        if (token.IsWord("FALSE")) return new LiteralExpression(AttrValue.False);
        if (token.IsWord("NULL")) return new LiteralExpression(AttrValue.Null);
        if (token.IsWord("MISSING")) return new MissingExpression();
        if (token.IsWord("IS") || token.IsWord("LIKE") || token.IsWord("AND") || token.IsWord("OR") || token.IsWord("IN") || token.IsWord("BETWEEN"))
            throw PartiQLErrors.Malformed("Unexpected operator");
        if (PartiQLKeywords.IsReserved(token.Text)) throw PartiQLErrors.Malformed("Unexpected keyword");
        return ParsePathAfter(token.Text);
    }

    /// <summary>A parenthesised expression, <c>(a, b)</c>, a list, a bag or a tuple.</summary>
    private PartiQLExpression ParseBracketed(PartiQLToken token)
    {
        _position++;
        switch (token.Text)
        {
            case "(":
                var first = ParseExpression();
                if (TryTakeSymbol(")")) return first;
                var items = new List<PartiQLExpression> { first };
                while (TryTakeSymbol(",")) items.Add(ParseExpression());
                ExpectSymbol(")");
                return new CollectionExpression(false, items);
            case "[":
                return new CollectionExpression(false, ParseItems("]"));
            case "<<":
                return new CollectionExpression(true, ParseItems(">>"));
            case "{":
                return ParseStruct();
            default:
                _position--;
                throw BinaryExpression.Comparisons.Contains(token.Text) || token.Text is "!=" or "+" or "-" or "*" or "/" or "%" or "||"
                    ? PartiQLErrors.Malformed("Unexpected operator")
                    : PartiQLErrors.Malformed("Unexpected term");
        }
    }

    private List<PartiQLExpression> ParseItems(string close)
    {
        var items = new List<PartiQLExpression>();
        if (TryTakeSymbol(close)) return items;
        do items.Add(ParseExpression());
        while (TryTakeSymbol(","));
        ExpectSymbol(close);
        return items;
    }

    private StructExpression ParseStruct()
    {
        var members = new List<KeyValuePair<PartiQLExpression, PartiQLExpression>>();
        if (TryTakeSymbol("}")) return new StructExpression(members);
        do
        {
            var key = ParseExpression();
            ExpectSymbol(":");
            members.Add(new(key, ParseExpression()));
        }
        while (TryTakeSymbol(","));
        ExpectSymbol("}");
        return new StructExpression(members);
    }

    /// <summary>A path that must be one: the target of SET or REMOVE.</summary>
    private PathExpression ParsePathOnly()
    {
        var token = Peek;
        if (token.Kind == PartiQLTokenKind.Symbol && token.Text == "[") throw PartiQLErrors.Validation("A path cannot start with a list index");
        if (token.Kind == PartiQLTokenKind.QuotedName || token.Kind == PartiQLTokenKind.Word && !PartiQLKeywords.IsReserved(token.Text))
        {
            _position++;
            return ParsePathAfter(token.Text);
        }
        throw Unexpected();
    }

    private PathExpression ParsePathAfter(string name)
    {
        var elements = new List<PathElement> { new(name, 0) };
        while (true)
        {
            if (TryTakeSymbol("."))
            {
                var next = Take();
                if (next.IsSymbol("*")) throw PartiQLErrors.Validation("Unpivot path component like a.*.b are not supported");
                if (next.Kind is not (PartiQLTokenKind.Word or PartiQLTokenKind.QuotedName)) throw PartiQLErrors.Malformed("Unexpected term");
                if (next.Text.Length == 0) throw PartiQLErrors.Validation("Path component cannot be an empty string");
                elements.Add(new PathElement(next.Text, 0));
            }
            else if (TryTakeSymbol("["))
            {
                var index = Take();
                if (index.IsSymbol("*")) throw PartiQLErrors.Validation("Wildcard path component like a[*].b are not supported");
                if (index.Kind == PartiQLTokenKind.String) elements.Add(new PathElement(index.Text, 0));
                else if (index.Kind == PartiQLTokenKind.Number && int.TryParse(index.Text, out var value)) elements.Add(new PathElement(null, value));
                else if (index.Kind == PartiQLTokenKind.Number) throw PartiQLErrors.Validation($"List index is not within the allowable range; index: [{index.Text}]");
                else throw PartiQLErrors.Malformed("Unexpected term");
                ExpectSymbol("]");
            }
            else
            {
                return new PathExpression(elements);
            }
        }
    }

    /// <summary>A number whose exponent does not fit an int is one the parser cannot read at all.</summary>
    private static NumberExpression Number(string text)
    {
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0 && !int.TryParse(text.AsSpan(e + 1), out _)) throw PartiQLErrors.Malformed("");
        return new NumberExpression(text);
    }

    private PartiQLToken Take() => _tokens[_position < _tokens.Count - 1 ? _position++ : _position];
}
