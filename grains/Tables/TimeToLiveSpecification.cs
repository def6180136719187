namespace DataTier.Tables;

/// <summary>UpdateTimeToLive's request: enable or disable expiry by a number attribute of epoch seconds.</summary>
[GenerateSerializer, Immutable]
public sealed record TimeToLiveSpecification([property: Id(0)] bool Enabled, [property: Id(1)] string AttributeName);
