namespace DataTier.AutoScaling;

/// <summary>What a scalable target scales: a PROVISIONED table's read or write capacity units.</summary>
public enum CapacityDimension
{
    ReadCapacityUnits,
    WriteCapacityUnits,
}
