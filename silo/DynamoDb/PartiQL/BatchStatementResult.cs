using DataTier.Model;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// One statement's entry in BatchExecuteStatement's Responses: the table it ran on (absent when it was refused before
/// reaching one), and its item or its error.
/// </summary>
public sealed record BatchStatementResult(string? TableName, IReadOnlyDictionary<string, AttrValue>? Item, BatchStatementError? Error, double CapacityUnits = 0);
