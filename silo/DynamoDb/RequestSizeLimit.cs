using Microsoft.AspNetCore.Http.Features;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// DynamoDB refuses request bodies over 16 MB with HTTP 413 before reading them. A declared
/// Content-Length over the limit is refused at once; a chunked body is read up to the limit and refused
/// if it goes past it.
/// </summary>
public static class RequestSizeLimit
{
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Runs <paramref name="next"/> unless the body is too large, in which case the answer is an empty 413.</summary>
    public static Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        // The common case, a declared length within the limit, passes straight through, without a state machine.
        if (context.Request.ContentLength is not { } length) return HandleChunkedAsync(context, next);
        if (length > MaxBodyBytes)
        {
            Refuse(context);
            return Task.CompletedTask;
        }
        LimitBody(context);
        return next(context);
    }

    /// <summary>A chunked body is buffered (rare; SDKs send Content-Length), and refused as soon as it passes the limit.</summary>
    private static async Task HandleChunkedAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var buffered = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffered.Length + read > MaxBodyBytes)
            {
                Refuse(context);
                return;
            }
            buffered.Write(chunk, 0, read);
        }
        buffered.Position = 0;
        request.Body = buffered;
        LimitBody(context);
        await next(context);
    }

    private static void LimitBody(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
    }

    private static void Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentLength = 0;
        // the unread body would otherwise be drained; closing is what DynamoDB's front end does too
        context.Response.Headers.Connection = "close";
    }
}
