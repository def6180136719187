namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// A policy value with its variables put in: its text, and which of its characters are literal (came from a variable,
/// so a <c>*</c> or <c>?</c> there is no wildcard); <see cref="Literal"/> is null when none is.
/// </summary>
public readonly record struct PolicyPattern(string Text, bool[]? Literal);
