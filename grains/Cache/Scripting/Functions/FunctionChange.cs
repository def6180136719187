namespace DataTier.Cache.Scripting.Functions;

/// <summary>What a change to the registry answered: its error (the libraries unchanged) or null, and the libraries after it.</summary>
[GenerateSerializer, Immutable]
public sealed record FunctionChange([property: Id(0)] string? Error, [property: Id(1)] FunctionLibraries Libraries);
