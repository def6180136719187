using DataTier.Errors;

namespace DataTier.Client;

/// <summary>Parallel scan: segment i of n covers the i-th of n equal slices of the 64-bit hash space.</summary>
public static class ScanSegments
{
    public static (ulong Low, ulong High) HashRange(int? segment, int? totalSegments)
    {
        if (segment is null && totalSegments is null) return (0, ulong.MaxValue);
        if (totalSegments is null)
            throw DynamoException.Validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        if (segment is null)
            throw DynamoException.Validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        var errors = new List<string>();
        if (segment < 0) errors.Add($"Value '{segment}' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0");
        if (segment > 999999) errors.Add($"Value '{segment}' at 'segment' failed to satisfy constraint: Member must have value less than or equal to 999999");
        if (totalSegments < 1) errors.Add($"Value '{totalSegments}' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1");
        if (totalSegments > 1000000) errors.Add($"Value '{totalSegments}' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000");
        RequestValidation.Throw(errors);
        if (segment >= totalSegments)
            throw DynamoException.Validation($"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {segment} is not less than TotalSegments: {totalSegments}");
        var space = (UInt128)ulong.MaxValue + 1;
        var low = (ulong)(space * (ulong)segment.Value / (ulong)totalSegments.Value);
        var high = (ulong)(space * (ulong)(segment.Value + 1) / (ulong)totalSegments.Value - 1);
        return (low, high);
    }
}
