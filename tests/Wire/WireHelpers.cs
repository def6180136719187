using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Xunit;

namespace DataTier.Tests.Wire;

/// <summary>Attribute value builders, table creation and exact comparison of SDK attribute values.</summary>
internal static class WireHelpers
{
    public static AttributeValue S(string s) => new() { S = s };
    public static AttributeValue N(string n) => new() { N = n };
    public static AttributeValue B(params byte[] b) => new() { B = new MemoryStream(b) };
    public static AttributeValue Bool(bool b) => new() { BOOL = b };
    public static AttributeValue Null() => new() { NULL = true };
    public static AttributeValue L(params AttributeValue[] items) => new() { L = [.. items] };
    public static AttributeValue M(params (string Name, AttributeValue Value)[] members) =>
        new() { M = members.ToDictionary(m => m.Name, m => m.Value) };
    public static AttributeValue SS(params string[] items) => new() { SS = [.. items] };
    public static AttributeValue NS(params string[] items) => new() { NS = [.. items] };
    public static AttributeValue BS(params byte[][] items) => new() { BS = items.Select(b => new MemoryStream(b)).ToList() };

    public static Dictionary<string, AttributeValue> Item(params (string Name, AttributeValue Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value);

    /// <summary>A table name no other test uses.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 255)];

    public static async Task<TableDescription> CreateTable(IAmazonDynamoDB client, string name,
        (string Name, ScalarAttributeType Type) hash, (string Name, ScalarAttributeType Type)? range = null,
        BillingMode? billing = null)
    {
        var request = new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement(hash.Name, KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition(hash.Name, hash.Type)],
        };
        if (range is { } r)
        {
            request.KeySchema.Add(new KeySchemaElement(r.Name, KeyType.RANGE));
            request.AttributeDefinitions.Add(new AttributeDefinition(r.Name, r.Type));
        }
        if (billing == BillingMode.PAY_PER_REQUEST) request.BillingMode = BillingMode.PAY_PER_REQUEST;
        else
        {
            if (billing is not null) request.BillingMode = billing;
            request.ProvisionedThroughput = new ProvisionedThroughput(5, 7);
        }
        var response = await client.CreateTableAsync(request);
        return response.TableDescription;
    }

    /// <summary>A canonical text form: exact strings and bytes, sets ordered, map members ordered.</summary>
    public static string Render(AttributeValue v)
    {
        if (v.NULL == true) return "{NULL:true}";
        if (v.IsBOOLSet) return $"{{BOOL:{(v.BOOL == true ? "true" : "false")}}}";
        if (v.S is not null) return $"{{S:{Quote(v.S)}}}";
        if (v.N is not null) return $"{{N:{v.N}}}";
        if (v.B is not null) return $"{{B:{Hex(v.B)}}}";
        if (v.SS is not null && v.IsSSSet) return $"{{SS:[{string.Join(",", v.SS.Select(Quote).Order(StringComparer.Ordinal))}]}}";
        if (v.NS is not null && v.IsNSSet) return $"{{NS:[{string.Join(",", v.NS.Order(StringComparer.Ordinal))}]}}";
        if (v.BS is not null && v.IsBSSet) return $"{{BS:[{string.Join(",", v.BS.Select(Hex).Order(StringComparer.Ordinal))}]}}";
        if (v.L is not null && v.IsLSet) return $"{{L:[{string.Join(",", v.L.Select(Render))}]}}";
        if (v.M is not null && v.IsMSet) return $"{{M:{Render(v.M)}}}";
        return "{EMPTY}";
    }

    public static string Render(IReadOnlyDictionary<string, AttributeValue>? item) => item is null
        ? "<null>"
        : "{" + string.Join(",", item.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Quote(p.Key)}={Render(p.Value)}")) + "}";

    public static void AssertItem(IReadOnlyDictionary<string, AttributeValue> expected, IReadOnlyDictionary<string, AttributeValue>? actual) =>
        Assert.Equal(Render(expected), Render(actual));

    public static bool HasItem(Dictionary<string, AttributeValue>? item) => item is { Count: > 0 };

    /// <summary>DynamoDB's item size: names plus values (numbers about a byte per two digits plus one).</summary>
    public static int ItemSize(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Sum(p => Encoding.UTF8.GetByteCount(p.Key) + (p.Value.S is { } s ? Encoding.UTF8.GetByteCount(s)
            : p.Value.N is { } n ? (n.TrimStart('-').Replace(".", "").Trim('0').Length + 1) / 2 + 1
            : p.Value.B is { } b ? (int)b.Length : 1));

    /// <summary>Awaits a failing call and checks DynamoDB's error code, HTTP status 400 and the message.</summary>
    public static async Task<AmazonDynamoDBException> ThrowsValidation(Func<Task> action, string message, bool exact = true)
    {
        var e = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(action);
        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
        if (exact) Assert.Equal(message, e.Message);
        else Assert.Contains(message, e.Message, StringComparison.Ordinal);
        return e;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Hex(MemoryStream stream) => Convert.ToHexString(stream.ToArray());
}
