using System.Text;

// The ceiling of the HTTP path: Kestrel answering every POST with a constant body the size of a
// GetItem response for a 1 KB item, with the same headers the DynamoDB endpoint sends.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
if (builder.Configuration["urls"] is null) builder.WebHost.UseUrls("http://127.0.0.1:8100");
var app = builder.Build();

var body = Encoding.UTF8.GetBytes("{\"Item\":{\"pk\":{\"S\":\"k1234\"},\"data\":{\"S\":\"" + new string('x', 1024) + "\"}}}");
var crc = System.IO.Hashing.Crc32.HashToUInt32(body).ToString();
app.MapPost("/", async context =>
{
    await context.Request.Body.CopyToAsync(Stream.Null);
    context.Response.ContentType = "application/x-amz-json-1.0";
    context.Response.ContentLength = body.Length;
    context.Response.Headers["x-amz-crc32"] = crc;
    context.Response.Headers["x-amzn-RequestId"] = "CEILING";
    await context.Response.Body.WriteAsync(body);
});
app.Run();
