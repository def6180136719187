namespace DataTier.Silo.DynamoDb;

/// <summary>
/// Reads a ProvisionedThroughput member: both units required, each at least 1. Violations are added to
/// the request's errors, write units first as AWS lists them.
/// </summary>
public static class ThroughputJson
{
    public static (long Read, long Write)? Read(ApiRequest r) => Read(r, r, "");

    /// <summary>The ProvisionedThroughput member of <paramref name="source"/>, its violations noted in <paramref name="errors"/> under <paramref name="prefix"/>.</summary>
    public static (long Read, long Write)? Read(ApiRequest source, ApiRequest errors, string prefix)
    {
        if (source.Object("ProvisionedThroughput") is not { } throughput) return null;
        var t = new ApiRequest(throughput);
        var write = t.Long("WriteCapacityUnits");
        var read = t.Long("ReadCapacityUnits");
        Check(errors, write, prefix + "provisionedThroughput.writeCapacityUnits");
        Check(errors, read, prefix + "provisionedThroughput.readCapacityUnits");
        return read is null || write is null ? null : (read.Value, write.Value);
    }

    private static void Check(ApiRequest r, long? units, string parameter)
    {
        if (units is null) r.Required<object>(null, parameter);
        else if (units < 1) r.Invalid(parameter, units, "Member must have value greater than or equal to 1");
    }
}
