using System.IO.Pipelines;
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

    private RequestBody(JsonDocument document, PipeReader? reader, SequencePosition end)
    {
        Document = document;
        _reader = reader;
        _end = end;
    }

    public JsonDocument Document { get; }

    /// <summary>Reads and parses the body; JSON that does not parse is AWS's SerializationException.</summary>
    public static async ValueTask<RequestBody> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength is > 0 and <= InPlaceLimit && !request.Body.CanSeek)
        {
            var reader = request.BodyReader;
            var result = await reader.ReadAtLeastAsync((int)request.ContentLength.Value);
            var buffer = result.Buffer;
            try
            {
                return new RequestBody(JsonDocument.Parse(buffer), reader, buffer.End);
            }
            catch (JsonException)
            {
                reader.AdvanceTo(buffer.End);
                throw new DynamoException(DynamoErrorCode.SerializationException, "");
            }
        }
        try
        {
            return new RequestBody(await JsonDocument.ParseAsync(request.Body), null, default);
        }
        catch (JsonException)
        {
            throw new DynamoException(DynamoErrorCode.SerializationException, "");
        }
    }

    public void Dispose()
    {
        Document.Dispose();
        _reader?.AdvanceTo(_end);
    }
}
