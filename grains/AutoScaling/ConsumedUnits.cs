namespace DataTier.AutoScaling;

/// <summary>Capacity units a table's requests consumed on one silo since its last report.</summary>
[GenerateSerializer, Immutable]
public sealed record ConsumedUnits([property: Id(0)] double Read, [property: Id(1)] double Write);
