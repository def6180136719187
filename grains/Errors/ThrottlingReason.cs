namespace DataTier.Errors;

/// <summary>One of a throttling error's ThrottlingReasons: the reason (such as TableReadMaxOnDemandThroughputExceeded) and the table's or index's ARN.</summary>
[GenerateSerializer, Immutable]
public sealed record ThrottlingReason([property: Id(0)] string Reason, [property: Id(1)] string Resource);
