namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

public enum PartiQLTokenKind
{
    /// <summary>A bare word: a keyword or a name.</summary>
    Word,
    /// <summary>A name in double quotes, never a keyword.</summary>
    QuotedName,
    /// <summary>A string in single quotes.</summary>
    String,
    Number,
    /// <summary>A positional <c>?</c>.</summary>
    Parameter,
    Symbol,
    End,
}
