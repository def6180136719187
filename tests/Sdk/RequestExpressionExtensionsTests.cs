using System.Reflection;
using DataTier.Client.Expressions;
using DataTier.Client.Requests;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Sdk;

/// <summary>The With… helpers copy requests; these tests catch a request property the copies forget.</summary>
public class RequestExpressionExtensionsTests
{
    private static readonly Dictionary<string, AttrValue> Key = new() { ["pk"] = AttrValue.FromS("k") };

    private static readonly HashSet<string> ExpressionProperties =
    [
        "KeyConditionExpression", "UpdateExpression", "ConditionExpression", "FilterExpression", "ProjectionExpression",
        "ExpressionAttributeNames", "ExpressionAttributeValues",
    ];

    public static TheoryData<object, object> Copies() => new()
    {
        { Filled<PutItemRequest>(), Filled<PutItemRequest>().WithCondition(Condition.Attribute("a").Exists()) },
        { Filled<DeleteItemRequest>(), Filled<DeleteItemRequest>().WithCondition(Condition.Attribute("a").Exists()) },
        { Filled<UpdateItemRequest>(), Filled<UpdateItemRequest>().WithUpdate(Update.Remove("a")) },
        { Filled<GetItemRequest>(), Filled<GetItemRequest>().WithProjection(Projection.Of("a")) },
        { Filled<QueryRequest>(), Filled<QueryRequest>().WithKeyCondition(KeyCondition.PartitionKey("pk", "k")) },
        { Filled<ScanRequest>(), Filled<ScanRequest>().WithFilter(Condition.Attribute("a").Exists()) },
    };

    [Theory]
    [MemberData(nameof(Copies))]
    public void Every_other_property_is_copied(object original, object copy)
    {
        foreach (var property in original.GetType().GetProperties().Where(p => !ExpressionProperties.Contains(p.Name)))
            Assert.True(Equals(property.GetValue(original), property.GetValue(copy)), $"{original.GetType().Name}.{property.Name} was not copied");
    }

    [Fact]
    public void Expressions_and_maps_land_on_the_request()
    {
        var request = new UpdateItemRequest { TableName = "t", Key = Key }
            .WithUpdate(Update.Set("status", "closed"), Condition.Attribute("status").Eq("open"));
        Assert.Equal("SET #n0 = :v0", request.UpdateExpression);
        Assert.Equal("#n0 = :v1", request.ConditionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "status" }, request.ExpressionAttributeNames);
        Assert.Equal(2, request.ExpressionAttributeValues!.Count);
    }

    /// <summary>A request with every settable property given a non-default value.</summary>
    private static T Filled<T>()
    {
        var request = (T)Activator.CreateInstance(typeof(T))!;
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite))
        {
            object? value = property.PropertyType switch
            {
                var t when t == typeof(string) => property.Name,
                var t when t == typeof(bool) => true,
                var t when t == typeof(int?) || t == typeof(int) => 7,
                var t when t == typeof(long?) || t == typeof(long) => 42L,
                var t when t == typeof(ReturnValues) => ReturnValues.ALL_OLD,
                var t when t == typeof(Select?) => Select.COUNT,
                var t when t == typeof(IReadOnlyDictionary<string, AttrValue>) => Key,
                _ => null,
            };
            if (value is not null) property.SetValue(request, value);
        }
        return request;
    }
}
