using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text.Json;
using DataTier.Errors;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// A request body parsed as JSON. A body of known, small length is parsed where Kestrel received it,
/// without copying it or reading it through a stream, and handed back to Kestrel only when the
/// document is disposed (the document reads those very bytes). Larger and chunked bodies are parsed
/// from the body stream.
/// </summary>
public sealed class RequestBody : IDisposable
{
    /// <summary>Bodies up to this length are parsed in place: well under Kestrel's request buffer (1 MB), which must hold them whole.</summary>
    private const long InPlaceLimit = 64 * 1024;

    private readonly PipeReader? _reader;
    private readonly SequencePosition _end;

    private RequestBody(JsonDocument document, PipeReader? reader, SequencePosition end, string? accessKeyId)
    {
        Document = document;
        AccessKeyId = accessKeyId;
        _reader = reader;
        _end = end;
    }

    public JsonDocument Document { get; }

    /// <summary>The access key the request was signed with, when signatures are checked.</summary>
    public string? AccessKeyId { get; }

    /// <summary>
    /// Reads and parses the body; JSON that does not parse is AWS's SerializationException. With a
    /// <paramref name="signature"/> to check, the request's signature is checked first, over the body's bytes.
    /// </summary>
    public static async ValueTask<RequestBody> ReadAsync(HttpRequest request, Signing.RequestSignature? signature = null)
    {
        if (request.ContentLength is > 0 and <= InPlaceLimit && !request.Body.CanSeek)
        {
            var reader = request.BodyReader;
            var result = await reader.ReadAtLeastAsync((int)request.ContentLength.Value);
            var buffer = result.Buffer;
            try
            {
                var key = signature?.Verify(request, Sha256(buffer));
                return new RequestBody(JsonDocument.Parse(buffer), reader, buffer.End, key);
            }
            catch (JsonException)
            {
                reader.AdvanceTo(buffer.End);
                throw new DynamoException(DynamoErrorCode.SerializationException, "");
            }
            catch
            {
                reader.AdvanceTo(buffer.End);
                throw;
            }
        }
        try
        {
            if (signature is null) return new RequestBody(await JsonDocument.ParseAsync(request.Body), null, default, null);
            // The whole body is needed for its hash before it is parsed (RequestSizeLimit bounds it).
            var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy);
            var signedWith = signature.Verify(request, SHA256.HashData(copy.GetBuffer().AsSpan(0, (int)copy.Length)));
            return new RequestBody(JsonDocument.Parse(copy.GetBuffer().AsMemory(0, (int)copy.Length)), null, default, signedWith);
        }
        catch (JsonException)
        {
            throw new DynamoException(DynamoErrorCode.SerializationException, "");
        }
    }

    private static byte[] Sha256(in ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsSingleSegment) return SHA256.HashData(bytes.FirstSpan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in bytes) hash.AppendData(segment.Span);
        return hash.GetHashAndReset();
    }

    public void Dispose()
    {
        Document.Dispose();
        _reader?.AdvanceTo(_end);
    }
}
