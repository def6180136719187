using System.Net;
using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential;

/// <summary>One endpoint's answer: HTTP status, the raw body, and the body as JSON when it is JSON.</summary>
public sealed record PeerResponse(HttpStatusCode Status, string Raw, JsonNode? Body)
{
    /// <summary>The error type without its namespace (the part after '#'), or null for a success.</summary>
    public string? ErrorType => Body is JsonObject o && o["__type"]?.GetValue<string>() is { } t ? t[(t.IndexOf('#') + 1)..] : null;

    /// <summary>The error message, whichever capitalisation the endpoint used.</summary>
    public string? Message => Body is JsonObject o ? (o["message"] ?? o["Message"])?.GetValue<string>() : null;

    public override string ToString() => $"{(int)Status} {Raw}";
}
