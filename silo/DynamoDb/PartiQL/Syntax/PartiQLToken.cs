namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <param name="Text">The word, the unquoted name or string, the number or the symbol.</param>
public readonly record struct PartiQLToken(PartiQLTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == PartiQLTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == PartiQLTokenKind.Symbol && Text == symbol;
}
