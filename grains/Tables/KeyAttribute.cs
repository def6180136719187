using DataTier.Model;

namespace DataTier.Tables;

/// <summary>A key attribute of a table or index: its name and scalar type (S, N or B).</summary>
[GenerateSerializer, Immutable]
public sealed record KeyAttribute([property: Id(0)] string Name, [property: Id(1)] AttrType Type);
