using DataTier.Errors;
using DataTier.Silo.Configuration;
using DataTier.Silo.DynamoDb.Signing;
using DataTier.Tests.Cache;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Signing;

/// <summary>The Signature Version 4 check on a hand-made request: AWS's own test vector, clock skew and malformed headers.</summary>
public class RequestSignatureTests
{
    private const string KeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /// <summary>SHA-256 of an empty body.</summary>
    private static readonly byte[] EmptyHash = Convert.FromHexString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private static RequestSignature Signature(DateTimeOffset now)
    {
        var clock = new ManualTimeProvider();
        clock.Advance(now - clock.GetUtcNow());
        return new RequestSignature(Options.Create(new DynamoDbEndpointOptions { AccessKeys = { [KeyId] = Secret } }), clock);
    }

    /// <summary>AWS's "get-vanilla" example of the Signature Version 4 test suite.</summary>
    private static HttpRequest Vanilla(string? signature = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", string date = "20150830T123600Z")
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.Path = "/";
        request.Headers.Host = "example.amazonaws.com";
        request.Headers["X-Amz-Date"] = date;
        if (signature is not null)
            request.Headers.Authorization = $"AWS4-HMAC-SHA256 Credential={KeyId}/{date[..8]}/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}";
        return request;
    }

    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static DynamoException Refused(RequestSignature signature, HttpRequest request) =>
        Assert.Throws<DynamoException>(() => signature.Verify(request, EmptyHash));

    [Fact]
    public void AWSs_test_vector_verifies_and_a_changed_request_does_not()
    {
        Signature(SignedAt).Verify(Vanilla(), EmptyHash);
        var changed = Vanilla();
        changed.Headers.Host = "other.amazonaws.com";
        Assert.Equal(DynamoErrorCode.InvalidSignatureException, Refused(Signature(SignedAt), changed).Code);
        Assert.Equal(DynamoErrorCode.InvalidSignatureException, Refused(Signature(SignedAt), Vanilla(signature: new string('0', 64))).Code);
        Assert.Equal(DynamoErrorCode.InvalidSignatureException,
            Assert.Throws<DynamoException>(() => Signature(SignedAt).Verify(Vanilla(), new byte[32])).Code);
    }

    [Fact]
    public void A_signature_more_than_15_minutes_from_the_silos_clock_is_refused()
    {
        Signature(SignedAt.AddMinutes(14)).Verify(Vanilla(), EmptyHash);
        var expired = Refused(Signature(SignedAt.AddMinutes(16)), Vanilla());
        Assert.Equal(DynamoErrorCode.InvalidSignatureException, expired.Code);
        Assert.Equal("Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)", expired.Message);
        Assert.StartsWith("Signature not yet current: 20150830T123600Z is still later than", Refused(Signature(SignedAt.AddMinutes(-16)), Vanilla()).Message);
    }

    [Fact]
    public void Missing_and_malformed_headers_get_AWSs_errors()
    {
        var signature = Signature(SignedAt);
        var missing = Refused(signature, Vanilla(signature: null));
        Assert.Equal((DynamoErrorCode.MissingAuthenticationTokenException, "Request is missing Authentication Token"), (missing.Code, missing.Message));

        var noDate = Vanilla();
        noDate.Headers.Remove("X-Amz-Date");
        Assert.Equal(DynamoErrorCode.IncompleteSignatureException, Refused(signature, noDate).Code);

        var partial = Vanilla();
        partial.Headers.Authorization = $"AWS4-HMAC-SHA256 Credential={KeyId}/20150830/us-east-1/service/aws4_request";
        var incomplete = Refused(signature, partial);
        Assert.Equal(DynamoErrorCode.IncompleteSignatureException, incomplete.Code);
        Assert.StartsWith("Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.", incomplete.Message);

        var unknown = Vanilla();
        unknown.Headers.Authorization = unknown.Headers.Authorization.ToString().Replace(KeyId, "AKIDOTHER", StringComparison.Ordinal);
        Assert.Equal((DynamoErrorCode.UnrecognizedClientException, "The security token included in the request is invalid."),
            (Refused(signature, unknown).Code, Refused(signature, unknown).Message));
    }
}
