namespace DataTier.Tests.Wire;

/// <summary>DynamoDB JSON 1.0 requests as raw HTTP, for the wire tests that look beneath the SDKs.</summary>
internal static class RawRequests
{
    private static readonly HttpClient Http = new();

    public static Task<HttpResponseMessage> SendAsync(string endpointUrl, HttpContent content, string? target)
    {
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        var request = new HttpRequestMessage(HttpMethod.Post, endpointUrl + "/") { Content = content };
        if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return Http.SendAsync(request);
    }
}
