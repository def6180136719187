namespace DataTier.Tests.Differential.Cases;

/// <summary>The JSON 1.0 protocol itself: targets, bodies that are not JSON objects, the 16 MB limit.</summary>
internal static class ProtocolCases
{
    private static DiffCase Raw(string name, string? target, string body) => new(name, [new DiffStep(target, body) { Verbatim = true }]);

    public static IEnumerable<DiffCase> All()
    {
        const string ListTables = DifferentialClient.TargetPrefix + "ListTables";
        yield return Raw("malformed-json", ListTables, "{not json");
        yield return Raw("truncated-json", DifferentialClient.TargetPrefix + "PutItem", "{\"TableName\":\"abc\",\"Item\":{");
        yield return Raw("json-trailing-garbage", ListTables, "{} x");
        yield return Raw("empty-body", ListTables, "");
        yield return Raw("body-is-an-array", ListTables, "[]");
        yield return Raw("body-is-a-string", ListTables, "\"x\"");
        yield return Raw("body-is-null", ListTables, "null");
        yield return Raw("unknown-operation", DifferentialClient.TargetPrefix + "FrobnicateTable", "{}");
        yield return Raw("unknown-service", "DynamoDB_20990101.ListTables", "{}");
        yield return Raw("target-without-operation", "DynamoDB_20120810", "{}");
        yield return Raw("no-target", null, "{}");
        yield return Raw("unknown-operation-malformed-json", DifferentialClient.TargetPrefix + "FrobnicateTable", "{not json");
        yield return Raw("unknown-members-ignored", ListTables, "{\"Limit\":1,\"Frobnicate\":true,\"ExclusiveStartTableName\":\"zzzzzzzzzzzzzzzzzzzzz\"}");
        yield return Raw("null-members-ignored", ListTables, "{\"Limit\":null,\"ExclusiveStartTableName\":\"zzzzzzzzzzzzzzzzzzzzz\"}");
        yield return new DiffCase("body-over-16-mb", [new DiffStep(ListTables, "{}") { Verbatim = true, Padding = 16 * 1024 * 1024 }]);
        yield return new DiffCase("body-just-under-16-mb", [new DiffStep(ListTables, "{\"ExclusiveStartTableName\":\"zzzzzzzzzzzzzzzzzzzzz\"}") { Verbatim = true, Padding = 16 * 1024 * 1024 - 100 }]);
        yield return new DiffCase("content-type-json", [new DiffStep(ListTables, "{\"ExclusiveStartTableName\":\"zzzzzzzzzzzzzzzzzzzzz\"}") { Verbatim = true, ContentType = "application/json" }]);
    }
}
