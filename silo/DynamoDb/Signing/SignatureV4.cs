using System.Security.Cryptography;
using System.Text;

namespace DataTier.Silo.DynamoDb.Signing;

/// <summary>The parts of AWS Signature Version 4 that signing a request and checking one share.</summary>
public static class SignatureV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The key derived from a secret for one scope (<c>date/region/service/aws4_request</c>).</summary>
    public static byte[] SigningKey(string secret, string scope)
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var part in scope.Split('/')) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return key;
    }

    /// <summary>What is signed: the algorithm, the request's time, the scope and the hash of the canonical request.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static byte[] Sign(byte[] signingKey, string stringToSign) => HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign));
}
