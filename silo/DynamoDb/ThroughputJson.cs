namespace DataTier.Silo.DynamoDb;

/// <summary>Reads a ProvisionedThroughput member: both units required, each at least 1 (violations are added to the request's errors).</summary>
public static class ThroughputJson
{
    public static (long Read, long Write)? Read(ApiRequest r)
    {
        if (r.Object("ProvisionedThroughput") is not { } throughput) return null;
        var t = new ApiRequest(throughput);
        var read = t.Required(t.Long("ReadCapacityUnits"), "provisionedThroughput.readCapacityUnits");
        var write = t.Required(t.Long("WriteCapacityUnits"), "provisionedThroughput.writeCapacityUnits");
        t.ThrowIfInvalid();
        if (read < 1) r.Invalid("provisionedThroughput.readCapacityUnits", read, "Member must have value greater than or equal to 1");
        if (write < 1) r.Invalid("provisionedThroughput.writeCapacityUnits", write, "Member must have value greater than or equal to 1");
        return (read!.Value, write!.Value);
    }
}
