using System.Text;
using DataTier.Bench.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DataTier.Tests.Bench;

/// <summary>The HTTP generator's raw connection against a real Kestrel on loopback.</summary>
public sealed class RawHttpConnectionTests : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri _url = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/", async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = context.Request;
            var echo = $"{context.Connection.Id}|{request.Headers["X-Amz-Target"]}|{request.ContentType}|{request.ContentLength}|{request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal)}|{body}";
            var response = context.Response;
            switch (request.Headers["X-Amz-Target"].ToString())
            {
                case "DynamoDB_20120810.Fail":
                    response.StatusCode = 400;
                    await response.WriteAsync("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ValidationException\"}");
                    break;
                case "DynamoDB_20120810.Chunked":
                    // No length: Kestrel sends chunks, one per flush.
                    response.StatusCode = 404;
                    foreach (var part in new[] { "first ", "second ", new string('x', 40_000) })
                    {
                        await response.WriteAsync(part);
                        await response.Body.FlushAsync();
                    }
                    break;
                case "DynamoDB_20120810.NoContent":
                    response.StatusCode = 204;
                    break;
                case "DynamoDB_20120810.Echo":
                case "DynamoDB_20120810.Close":
                    // 409, so that the connection returns the body.
                    if (request.Headers["X-Amz-Target"] == "DynamoDB_20120810.Close") response.Headers.Connection = "close";
                    response.StatusCode = 409;
                    response.ContentLength = Encoding.UTF8.GetByteCount(echo);
                    await response.WriteAsync(echo);
                    break;
                default:
                    response.ContentLength = Encoding.UTF8.GetByteCount(echo);
                    await response.WriteAsync(echo);
                    break;
            }
        });
        await _app.StartAsync();
        _url = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>A GetItem body with a character outside ASCII, so that its length in bytes is not its length in characters.</summary>
    private static readonly byte[] GetItemBody = Encoding.UTF8.GetBytes("{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"é\"}}}");

    [Fact]
    public void A_2xx_answer_has_no_error()
    {
        using var connection = new RawHttpConnection(_url);
        var (status, error) = connection.Send("GetItem", GetItemBody);
        Assert.Equal(200, status);
        Assert.Null(error);
    }

    [Fact]
    public void Non_2xx_answers_give_their_body_whether_sized_or_chunked()
    {
        using var connection = new RawHttpConnection(_url);
        var (status, error) = connection.Send("Fail", "{}"u8.ToArray());
        Assert.Equal(400, status);
        Assert.Equal("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ValidationException\"}", error);

        (status, error) = connection.Send("Chunked", "{}"u8.ToArray());
        Assert.Equal(404, status);
        Assert.Equal("first second " + new string('x', 40_000), error);
    }

    [Fact]
    public void The_server_reads_the_operation_the_json_type_the_length_the_signature_and_the_body()
    {
        using var connection = new RawHttpConnection(_url);
        var (status, error) = connection.Send("Echo", GetItemBody);
        Assert.Equal(409, status);
        Assert.EndsWith($"|DynamoDB_20120810.Echo|application/x-amz-json-1.0|{GetItemBody.Length}|True|{Encoding.UTF8.GetString(GetItemBody)}", error);
    }

    [Fact]
    public void A_204_without_a_length_has_no_body_and_the_connection_goes_on()
    {
        using var connection = new RawHttpConnection(_url);
        var first = ConnectionOf(connection, "Echo");
        Assert.Equal((204, null), connection.Send("NoContent", "{}"u8.ToArray()));
        Assert.Equal(first, ConnectionOf(connection, "Echo"));
    }

    [Fact]
    public void Requests_share_one_connection_until_the_server_closes_it()
    {
        using var connection = new RawHttpConnection(_url);
        var first = ConnectionOf(connection, "Echo");
        Assert.Equal(first, ConnectionOf(connection, "Echo"));
        Assert.Equal(first, ConnectionOf(connection, "Close"));
        var second = ConnectionOf(connection, "Echo");
        Assert.NotEqual(first, second);
        Assert.Equal(second, ConnectionOf(connection, "Echo"));
    }

    [Fact]
    public void A_server_that_does_not_answer_fails_the_request_after_the_timeout_and_the_next_one_reconnects()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var connection = new RawHttpConnection(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromMilliseconds(300));

        var e = Assert.Throws<System.Net.Sockets.SocketException>(() => connection.Send("GetItem", "{}"u8.ToArray()));
        Assert.Equal(System.Net.Sockets.SocketError.TimedOut, e.SocketErrorCode);
        using var first = silent.AcceptSocket();
        Assert.Throws<System.Net.Sockets.SocketException>(() => connection.Send("GetItem", "{}"u8.ToArray()));
        // The failed connection was dropped: the second request came on a new one.
        using var second = silent.AcceptSocket();
        Assert.NotEqual(first.RemoteEndPoint, second.RemoteEndPoint);
    }

    private static string ConnectionOf(RawHttpConnection connection, string operation)
    {
        var (status, error) = connection.Send(operation, "{}"u8.ToArray());
        Assert.Equal(409, status);
        return error!.Split('|')[0];
    }
}
