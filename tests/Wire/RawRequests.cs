namespace DataTier.Tests.Wire;

/// <summary>A DynamoDB JSON 1.0 request as raw HTTP, for the wire tests that look beneath the SDKs.</summary>
internal static class RawRequests
{
    public static HttpRequestMessage Post(string endpointUrl, HttpContent content, string? target)
    {
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        var request = new HttpRequestMessage(HttpMethod.Post, endpointUrl + "/") { Content = content };
        if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return request;
    }
}
