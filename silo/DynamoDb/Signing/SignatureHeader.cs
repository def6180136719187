using DataTier.Errors;

namespace DataTier.Silo.DynamoDb.Signing;

/// <summary>
/// The parts of a SigV4 Authorization header:
/// <c>AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=HEX</c>.
/// </summary>
internal sealed record SignatureHeader(string AccessKeyId, string Scope, IReadOnlyList<string> SignedHeaders, byte[] Signature)
{
    public static SignatureHeader Parse(string authorization)
    {
        const string prefix = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
            throw Incomplete($"Authorization header requires the AWS4-HMAC-SHA256 algorithm. Authorization={authorization}");
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in authorization[prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals < 0) continue;
            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }
        var missing = new List<string>();
        if (credential is null) missing.Add("Authorization header requires 'Credential' parameter.");
        if (signature is null) missing.Add("Authorization header requires 'Signature' parameter.");
        if (signedHeaders is null) missing.Add("Authorization header requires 'SignedHeaders' parameter.");
        if (missing.Count > 0) throw Incomplete(string.Join(' ', missing) + $" Authorization={authorization}");
        var slash = credential!.IndexOf('/');
        var scope = slash < 0 ? "" : credential[(slash + 1)..];
        if (slash <= 0 || scope.Split('/') is not [{ Length: 8 }, { Length: > 0 }, { Length: > 0 }, "aws4_request"])
            throw Incomplete($"Credential should be scoped to a valid region. Credential={credential}");
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(signature!);
        }
        catch (FormatException)
        {
            bytes = [];
        }
        return new SignatureHeader(credential[..slash], scope, signedHeaders!.Split(';'), bytes);
    }

    private static DynamoException Incomplete(string message) => RequestSignature.Error(DynamoErrorCode.IncompleteSignatureException, message);
}
