using System.IO.Hashing;
using System.Text;

// The ceiling of the HTTP path: Kestrel answering every POST to / with a constant body the size of
// a GetItem response for a 1 KB item, with the headers the DynamoDB endpoint sends (the CRC32 is
// computed once here; the real endpoint computes it per response, which is part of what it costs).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:8100");
var app = builder.Build();

var body = Encoding.UTF8.GetBytes("{\"Item\":{\"data\":{\"S\":\"" + new string('x', 1024) + "\"},\"pk\":{\"S\":\"k1234\"}}}");
var crc = Crc32.HashToUInt32(body).ToString();
var requestId = new string('0', 52);
app.MapPost("/", async context =>
{
    // The real endpoint reads and parses the whole request; reading it is the least a server does.
    await context.Request.Body.CopyToAsync(Stream.Null);
    var response = context.Response;
    response.ContentType = "application/x-amz-json-1.0";
    response.ContentLength = body.Length;
    response.Headers["x-amzn-RequestId"] = requestId;
    response.Headers["x-amz-crc32"] = crc;
    await response.Body.WriteAsync(body);
});
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"ceiling listening on {string.Join(", ", app.Urls)}"));
app.Run();
