using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace DataTier.Tests.Wire;

/// <summary>Bodies over DynamoDB's 16 MB are refused with an empty 413; chunked bodies (no Content-Length) within it are served.</summary>
[Collection("wire")]
public class RequestSizeLimitTests(SiloFixture fixture)
{
    /// <summary>A body sent chunked: its length is not known in advance.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpContent content) =>
        RawRequests.SendAsync(fixture.EndpointUrl, content, "DynamoDB_20120810.ListTables");

    [Fact]
    public async Task A_chunked_body_within_the_limit_is_served()
    {
        var response = await SendAsync(new ChunkedContent(Encoding.UTF8.GetBytes("{}")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement.GetProperty("TableNames").ValueKind);
    }

    [Fact]
    public async Task Bodies_over_16_MB_are_refused_with_an_empty_413()
    {
        // A JSON string member padded past the limit: the body is refused before it is parsed.
        var body = Encoding.UTF8.GetBytes("{\"X\":\"" + new string('a', 16 * 1024 * 1024) + "\"}");
        var refused = 0;
        foreach (var content in new HttpContent[] { new ByteArrayContent(body), new ChunkedContent(body) })
        {
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(content);
            }
            catch (HttpRequestException)
            {
                // The server may close the connection while the client is still sending the rest of the body.
                continue;
            }
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            refused++;
        }
        Assert.True(refused > 0, "no oversized request got an answer");
        // The silo still serves after refusing them.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(new StringContent("{}"))).StatusCode);
    }
}
