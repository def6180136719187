using System.Globalization;
using System.Security.Cryptography;
using DataTier.Silo.DynamoDb.Signing;
using System.Text;

namespace DataTier.Silo.GlobalTables;

/// <summary>Signs a POST to a DynamoDB endpoint with AWS Signature Version 4, as an AWS SDK would.</summary>
public static class RequestSigner
{
    private const string Service = "dynamodb";

    /// <summary>Adds X-Amz-Date and Authorization to <paramref name="request"/>, whose body is <paramref name="body"/>.</summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, string accessKeyId, string secret, string region, DateTimeOffset now)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI");
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var target = request.Headers.GetValues("X-Amz-Target").Single();
        request.Headers.Host = host;
        request.Headers.Add("X-Amz-Date", amzDate);
        var signedHeaders = "host;x-amz-date;x-amz-target";
        var canonical = new StringBuilder()
            .Append("POST\n")
            .Append(string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath).Append('\n')
            .Append('\n')
            .Append("host:").Append(host).Append('\n')
            .Append("x-amz-date:").Append(amzDate).Append('\n')
            .Append("x-amz-target:").Append(target).Append('\n')
            .Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(Convert.ToHexStringLower(SHA256.HashData(body)))
            .ToString();
        var scope = $"{date}/{region}/{Service}/aws4_request";
        var signature = Convert.ToHexStringLower(SignatureV4.Sign(SignatureV4.SigningKey(secret, scope), SignatureV4.StringToSign(amzDate, scope, canonical)));
        request.Headers.TryAddWithoutValidation("Authorization", $"{SignatureV4.Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }
}
