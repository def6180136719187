using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataTier.Errors;
using DataTier.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.DynamoDb.Signing;

/// <summary>
/// Checks AWS Signature Version 4 on requests to the DynamoDB endpoint when <c>Endpoints:DynamoDb:AccessKeys</c>
/// names any key: the request must be signed with one of those keys' secrets, within 15 minutes of the silo's
/// clock. Without keys, every request is taken, whatever its credentials (as DynamoDB Local does).
/// </summary>
public sealed class RequestSignature(IOptions<DynamoDbEndpointOptions> options, TimeProvider time)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private readonly IReadOnlyDictionary<string, string> _keys = options.Value.AccessKeys
        .Concat(options.Value.ReadOnlyAccessKeys.Where(k => !options.Value.AccessKeys.ContainsKey(k.Key)))
        .ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
    private readonly HashSet<string> _readOnly = [.. options.Value.ReadOnlyAccessKeys.Keys.Where(k => !options.Value.AccessKeys.ContainsKey(k))];
    private readonly ConcurrentDictionary<(string Key, string Scope), byte[]> _signingKeys = new();

    public bool Required => _keys.Count > 0;

    /// <summary>Whether a key may only read (<c>Endpoints:DynamoDb:ReadOnlyAccessKeys</c>).</summary>
    public bool IsReadOnly(string accessKeyId) => _readOnly.Contains(accessKeyId);

    /// <summary>
    /// Throws AWS's error unless the request carries a valid signature of its method, path, query, signed headers
    /// and body (whose SHA-256 is <paramref name="payloadHash"/>); returns the access key id it was made with.
    /// </summary>
    public string Verify(HttpRequest request, ReadOnlySpan<byte> payloadHash)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0) throw Error(DynamoErrorCode.MissingAuthenticationTokenException, "Request is missing Authentication Token");
        var header = SignatureHeader.Parse(authorization);
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length == 0)
            throw Error(DynamoErrorCode.IncompleteSignatureException, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
            throw Error(DynamoErrorCode.IncompleteSignatureException, $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'.");
        if (!_keys.TryGetValue(header.AccessKeyId, out var secret))
            throw Error(DynamoErrorCode.UnrecognizedClientException, "The security token included in the request is invalid.");
        var now = time.GetUtcNow();
        if (signedAt < now - AllowedSkew)
            throw Error(DynamoErrorCode.InvalidSignatureException,
                $"Signature expired: {amzDate} is now earlier than {Basic(now - AllowedSkew)} ({Basic(now)} - 15 min.)");
        if (signedAt > now + AllowedSkew)
            throw Error(DynamoErrorCode.InvalidSignatureException,
                $"Signature not yet current: {amzDate} is still later than {Basic(now + AllowedSkew)} ({Basic(now)} + 15 min.)");
        if (!header.Scope.StartsWith(amzDate[..8] + "/", StringComparison.Ordinal))
            throw Error(DynamoErrorCode.InvalidSignatureException, $"Credential should be scoped to a valid region, not a date other than the request's: {header.Scope}");
        var canonical = CanonicalRequest(request, header.SignedHeaders, payloadHash);
        var expected = SignatureV4.Sign(SigningKey(secret, header.AccessKeyId, header.Scope), SignatureV4.StringToSign(amzDate, header.Scope, canonical));
        if (!CryptographicOperations.FixedTimeEquals(expected, header.Signature))
            throw Error(DynamoErrorCode.InvalidSignatureException,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        return header.AccessKeyId;
    }

    /// <summary>The key derived from the secret for one day, region and service (the scope), kept: it changes once a day.</summary>
    private byte[] SigningKey(string secret, string accessKeyId, string scope)
    {
        // Scopes of past days are never asked for again: start afresh now and then rather than keep them all.
        if (_signingKeys.Count > MaxSigningKeys) _signingKeys.Clear();
        return _signingKeys.GetOrAdd((accessKeyId + "\n" + secret, scope), static (k, secret) => SignatureV4.SigningKey(secret, k.Scope), secret);
    }

    private const int MaxSigningKeys = 1024;

    internal static string CanonicalRequest(HttpRequest request, IReadOnlyList<string> signedHeaders, ReadOnlySpan<byte> payloadHash)
    {
        var builder = new StringBuilder(256);
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(request.Path.Value)).Append('\n');
        builder.Append(CanonicalQuery(request.QueryString.Value)).Append('\n');
        foreach (var name in signedHeaders)
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.Headers[name].ToArray())).Append('\n');
        builder.Append('\n').AppendJoin(';', signedHeaders).Append('\n');
        builder.Append(Hex(payloadHash));
        return builder.ToString();
    }

    private static string CanonicalPath(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "/";
        // Each segment URI-encoded twice, as SigV4 wants for every service but S3 (the path arrives decoded once).
        return string.Join('/', path.Split('/').Select(s => Uri.EscapeDataString(Uri.EscapeDataString(s))));
    }

    private static string CanonicalQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?") return "";
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Encode(p[0]), Value: p.Length > 1 ? Encode(p[1]) : ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
        static string Encode(string s) => Uri.EscapeDataString(Uri.UnescapeDataString(s.Replace('+', ' ')));
    }

    private static string CanonicalHeaderValue(string?[] values) =>
        string.Join(',', values.Select(v => string.Join(' ', (v ?? "").Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))));

    private static string Basic(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    internal static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    internal static DynamoException Error(DynamoErrorCode code, string message) => new(code, message);
}
