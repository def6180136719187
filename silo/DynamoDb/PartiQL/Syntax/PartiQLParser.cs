using DataTier.Errors;

namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>
/// Reads one PartiQL statement of DynamoDB's dialect: SELECT, INSERT, UPDATE (also in its FROM ... SET form),
/// DELETE and, for transactions, EXISTS(SELECT ...). What it refuses gets DynamoDB's message.
/// </summary>
public sealed partial class PartiQLParser
{
    private const string AliasingUnsupported = "Aliasing is not supported";

    private readonly List<PartiQLToken> _tokens;
    private int _position;
    private int _parameters;

    private PartiQLParser(List<PartiQLToken> tokens) => _tokens = tokens;

    public static PartiQLStatement Parse(string text)
    {
        var parser = new PartiQLParser(PartiQLLexer.Tokenize(text));
        var statement = parser.ParseStatement();
        parser.TryTakeSymbol(";");
        if (parser.Peek.Kind != PartiQLTokenKind.End) throw PartiQLErrors.Malformed(PartiQLErrors.LeftoverToken);
        return statement with { ParameterCount = parser._parameters };
    }

    private PartiQLStatement ParseStatement()
    {
        var first = Peek;
        if (first.Kind == PartiQLTokenKind.End) throw PartiQLErrors.Malformed("Unexpected term");
        if (TryTakeWord("SELECT")) return ParseSelect();
        if (TryTakeWord("INSERT")) return ParseInsert();
        if (TryTakeWord("UPDATE")) return ParseUpdate(ParseTable("Unexpected term"));
        if (TryTakeWord("DELETE")) return ParseDelete();
        if (TryTakeWord("FROM")) return ParseFromFirstUpdate();
        if (TryTakeWord("EXISTS")) return ParseExists();
        throw PartiQLErrors.Malformed("Expected data manipulation");
    }

    private SelectStatement ParseSelect()
    {
        if (Peek.IsWord("VALUE") || Peek.IsWord("PIVOT")) throw PartiQLErrors.Validation("Select projection doesn't support value or pivot keywords");
        var projection = ParseProjection();
        if (!TryTakeWord("FROM")) throw PartiQLErrors.Malformed("Unexpected term");
        var (table, index) = ParseSource("Unexpected term");
        RefuseAlias("WHERE", "ORDER");
        var where = TryTakeWord("WHERE") ? ParseWhere() : null;
        var orderBy = new List<OrderKey>();
        if (TryTakeWord("ORDER"))
        {
            ExpectWord("BY");
            do
            {
                var key = ParseAdditive() as PathExpression ?? throw PartiQLErrors.Malformed("Unexpected term");
                var descending = TryTakeWord("DESC");
                if (!descending) TryTakeWord("ASC");
                orderBy.Add(new OrderKey(key, descending));
            }
            while (TryTakeSymbol(","));
        }
        foreach (var clause in (string[])["LIMIT", "OFFSET", "GROUP", "HAVING"])
            if (Peek.IsWord(clause)) throw PartiQLErrors.Validation($"Unsupported clause: {clause}");
        return new SelectStatement(projection, table, index, where, orderBy);
    }

    /// <summary>The paths after SELECT; null for <c>*</c>.</summary>
    private List<PathExpression>? ParseProjection()
    {
        if (TryTakeSymbol("*"))
        {
            if (Peek.IsSymbol(",")) throw PartiQLErrors.Validation("Other attributes should not be present in the projection when '*' is used.");
            return null;
        }
        var paths = new List<PathExpression>();
        do
        {
            if (Peek.IsSymbol("*")) throw PartiQLErrors.Validation("Other attributes should not be present in the projection when '*' is used.");
            paths.Add(ParseAdditive() as PathExpression ?? throw PartiQLErrors.Malformed("Unexpected term"));
            RefuseAlias("FROM");
        }
        while (TryTakeSymbol(","));
        var duplicate = paths.GroupBy(p => p.OutputName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw PartiQLErrors.Validation($"Duplicate identifiers in select clause: {duplicate.Key}");
        return paths;
    }

    private InsertStatement ParseInsert()
    {
        ExpectWord("INTO");
        var table = ParseTable("Expected identifier for simple path");
        if (Peek.IsWord("VALUES"))
            throw PartiQLErrors.Validation("Unsupported operation: Inserting multiple items in a single statement is not supported, use \"INSERT INTO tableName VALUE item\" instead");
        if (!TryTakeWord("VALUE")) throw PartiQLErrors.Malformed(PartiQLErrors.LeftoverToken);
        var item = ParseAdditive();
        if (item is not (StructExpression or ParameterExpression))
            throw PartiQLErrors.Validation("Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.");
        if (Peek.IsWord("AT")) throw PartiQLErrors.Validation("AT is not supported in insert statements.");
        return new InsertStatement(table, item, ParseReturning());
    }

    private UpdateStatement ParseUpdate(string table)
    {
        RefuseAlias("SET", "REMOVE", "WHERE");
        var clauses = ParseUpdateClauses();
        var where = TryTakeWord("WHERE") ? ParseWhere() : null;
        return new UpdateStatement(table, clauses, where, ParseReturning());
    }

    /// <summary><c>FROM "table" [WHERE ...] SET ...</c>: an UPDATE whose WHERE comes first.</summary>
    private UpdateStatement ParseFromFirstUpdate()
    {
        var table = ParseTable("Expected identifier for simple path");
        var where = TryTakeWord("WHERE") ? ParseWhere() : null;
        var clauses = ParseUpdateClauses();
        return new UpdateStatement(table, clauses, where, ParseReturning());
    }

    private List<UpdateClause> ParseUpdateClauses()
    {
        var clauses = new List<UpdateClause>();
        while (true)
        {
            if (TryTakeWord("SET"))
            {
                do
                {
                    var path = ParsePathOnly();
                    if (!TryTakeSymbol("=")) throw PartiQLErrors.Malformed("Unexpected term");
                    clauses.Add(new UpdateClause(path, ParseAdditive()));
                }
                while (TryTakeSymbol(","));
            }
            else if (TryTakeWord("REMOVE"))
            {
                do clauses.Add(new UpdateClause(ParsePathOnly(), null));
                while (TryTakeSymbol(","));
            }
            else
            {
                break;
            }
        }
        if (clauses.Count == 0 && !Peek.IsWord("WHERE")) throw PartiQLErrors.Malformed("Unexpected term");
        return clauses;
    }

    private DeleteStatement ParseDelete()
    {
        if (!TryTakeWord("FROM")) throw PartiQLErrors.Malformed("Expected identifier for simple path");
        var table = ParseTable("Expected identifier for simple path");
        RefuseAlias("WHERE", "RETURNING");
        var where = TryTakeWord("WHERE") ? ParseWhere() : null;
        return new DeleteStatement(table, where, ParseReturning());
    }

    private ExistsStatement ParseExists()
    {
        ExpectSymbol("(");
        ExpectWord("SELECT");
        var select = ParseSelect();
        ExpectSymbol(")");
        return new ExistsStatement(select);
    }

    private PartiQLExpression ParseWhere()
    {
        if (Peek.Kind == PartiQLTokenKind.End || Peek.IsSymbol(";")) throw PartiQLErrors.Malformed("Unexpected term");
        return ParseExpression();
    }

    private ReturningClause? ParseReturning()
    {
        if (!TryTakeWord("RETURNING")) return null;
        bool modified;
        if (TryTakeWord("MODIFIED")) modified = true;
        else if (TryTakeWord("ALL")) modified = false;
        else throw PartiQLErrors.Malformed("Unexpected term");
        bool isNew;
        if (TryTakeWord("NEW")) isNew = true;
        else if (TryTakeWord("OLD")) isNew = false;
        else throw PartiQLErrors.Malformed("Unexpected term");
        if (!TryTakeSymbol("*")) throw PartiQLErrors.Validation("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
        if (Peek.IsSymbol(",")) throw PartiQLErrors.Validation("Invalid syntax with multiple returning elements in RETURNING clause");
        return new ReturningClause(modified, isNew);
    }

    /// <summary>A data manipulation statement's single table: an index is refused.</summary>
    private string ParseTable(string missing)
    {
        var (table, index) = ParseSource(missing);
        if (index is not null) throw PartiQLErrors.Validation("FROM clause may only contain a single table name in data manipulation statements");
        return table;
    }

    /// <summary><c>"table"</c> or <c>"table"."index"</c>.</summary>
    private (string Table, string? Index) ParseSource(string missing)
    {
        var table = ParseSourceName(missing);
        string? index = null;
        if (TryTakeSymbol("."))
        {
            index = ParseSourceName(missing);
            if (Peek.IsSymbol(".")) throw PartiQLErrors.Validation("A path may contain at most 2 components in the FROM clause");
        }
        if (table.Length == 0 || index?.Length == 0) throw PartiQLErrors.Validation("Path component cannot be an empty string");
        return (table, index);
    }

    private string ParseSourceName(string missing)
    {
        var token = Peek;
        if (token.Kind == PartiQLTokenKind.QuotedName || token.Kind == PartiQLTokenKind.Word && !PartiQLKeywords.IsReserved(token.Text))
        {
            _position++;
            return token.Text;
        }
        throw PartiQLErrors.Malformed(missing);
    }

    /// <summary>A name after the table (or a projected path) is an alias, which DynamoDB does not take.</summary>
    private void RefuseAlias(params string[] follows)
    {
        var token = Peek;
        if (token.IsWord("AS") || token.Kind == PartiQLTokenKind.QuotedName
            || token.Kind == PartiQLTokenKind.Word && !PartiQLKeywords.IsReserved(token.Text) && !follows.Any(token.IsWord) && !token.IsWord("RETURNING"))
            throw PartiQLErrors.Validation(AliasingUnsupported);
    }

    private PartiQLToken Peek => _tokens[_position];

    private PartiQLToken PeekAt(int offset) => _tokens[Math.Min(_position + offset, _tokens.Count - 1)];

    private bool TryTakeWord(string word)
    {
        if (!Peek.IsWord(word)) return false;
        _position++;
        return true;
    }

    private bool TryTakeSymbol(string symbol)
    {
        if (!Peek.IsSymbol(symbol)) return false;
        _position++;
        return true;
    }

    private void ExpectWord(string word)
    {
        if (!TryTakeWord(word)) throw Unexpected();
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TryTakeSymbol(symbol)) throw Unexpected();
    }

    /// <summary>The refusal of the token at hand where something else was expected.</summary>
    private DynamoException Unexpected() => Peek.Kind switch
    {
        PartiQLTokenKind.End => PartiQLErrors.Malformed("Unexpected term"),
        PartiQLTokenKind.Word when PartiQLKeywords.IsReserved(Peek.Text) => PartiQLErrors.Malformed("Unexpected keyword"),
        _ => PartiQLErrors.Malformed("Unexpected term"),
    };
}
