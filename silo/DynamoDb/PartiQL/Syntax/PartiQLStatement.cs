namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>One parsed statement, on one table; <see cref="ParameterCount"/> is how many <c>?</c> it has.</summary>
public abstract record PartiQLStatement(string Table)
{
    public int ParameterCount { get; init; }

    public bool IsRead => this is SelectStatement;
}
