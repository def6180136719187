using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.Client;
using DataTier.Client.Hosting;
using DataTier.Model;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DataTier.Tests.Processes;

/// <summary>Calls the multi-silo process tests make on a table with a string key <c>pk</c> and a string value <c>v</c>.</summary>
internal static class SharedTableCalls
{
    public static Task Put(IAmazonDynamoDB client, string table, string key, string value) => client.PutItemAsync(new PutItemRequest
    {
        TableName = table,
        Item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key }, ["v"] = new() { S = value } },
    });

    public static async Task<string?> Get(IAmazonDynamoDB client, string table, string key)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item["v"].S : null;
    }

    /// <summary>A service host with the SDK, finding the cluster as <paramref name="configure"/> says, reads one item.</summary>
    public static async Task ReadThroughSdkAsync(Action<DataTierClientOptions> configure, string table, string key, string expected)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.AddDataTierClient(configure);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var read = await host.Services.GetRequiredService<ITableClient>().GetItemAsync(new DataTier.Client.Requests.GetItemRequest
            {
                TableName = table,
                Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(key) },
            });
            Assert.Equal(expected, read.Item!["v"].Text);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
