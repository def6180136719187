namespace DataTier.Cache.Scripting.Functions;

/// <summary>A function a library registered: its name, description (null when none was given) and flags.</summary>
[GenerateSerializer, Immutable]
public sealed record FunctionInfo([property: Id(0)] string Name, [property: Id(1)] string? Description, [property: Id(2)] FunctionFlags Flags);
