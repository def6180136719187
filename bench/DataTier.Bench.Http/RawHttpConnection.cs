using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataTier.Bench.Http;

/// <summary>
/// One keep-alive HTTP/1.1 connection driven with blocking socket calls from the worker's own thread: a
/// request is one <c>send</c> of pre-built headers and body, its answer is read until its length is
/// complete. Nothing is pooled, validated or allocated per request beyond a non-2xx body, so that the
/// generator costs the machine little next to the server it measures, and a response wakes the waiting
/// thread directly instead of going through an event loop and a thread pool.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    /// <summary>How long one send or receive may wait before the request fails, unless the constructor is given another.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly EndPoint _endpoint;
    private readonly Dictionary<string, byte[]> _headers = new(StringComparer.Ordinal);
    private readonly string _host;
    private readonly int _timeoutMillis;
    private byte[] _send = new byte[4096];
    private byte[] _receive = new byte[16 * 1024];
    private Socket? _socket;

    public RawHttpConnection(Uri url, TimeSpan? timeout = null)
    {
        _timeoutMillis = (int)(timeout ?? DefaultTimeout).TotalMilliseconds;
        if (url.Scheme != Uri.UriSchemeHttp) throw new ArgumentException($"only http:// is supported: {url}", nameof(url));
        _endpoint = IPAddress.TryParse(url.Host, out var address)
            ? new IPEndPoint(address, url.Port)
            : new DnsEndPoint(url.Host, url.Port);
        _host = url.Authority;
    }

    /// <summary>Posts <paramref name="body"/> as DynamoDB operation <paramref name="operation"/>; the body is returned only for non-2xx answers.</summary>
    public (int Status, string? Error) Send(string operation, byte[] body)
    {
        try
        {
            return Exchange(operation, body);
        }
        catch
        {
            // The connection's state is unknown after a failure: the next request opens a new one.
            _socket?.Dispose();
            _socket = null;
            throw;
        }
    }

    private (int Status, string? Error) Exchange(string operation, byte[] body)
    {
        var socket = _socket ??= Connect();
        var length = WriteRequest(operation, body);
        var sent = 0;
        while (sent < length) sent += socket.Send(_send, sent, length - sent, SocketFlags.None);
        return ReadResponse(socket);
    }

    private Socket Connect()
    {
        var socket = new Socket(_endpoint.AddressFamily == AddressFamily.Unspecified ? AddressFamily.InterNetwork : _endpoint.AddressFamily,
            SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            // As DynamoHttpClient's 30 s: a server that stops answering fails the request instead of hanging its worker.
            SendTimeout = _timeoutMillis,
            ReceiveTimeout = _timeoutMillis,
        };
        socket.Connect(_endpoint);
        return socket;
    }

    private int WriteRequest(string operation, byte[] body)
    {
        if (!_headers.TryGetValue(operation, out var headers))
        {
            headers = Encoding.ASCII.GetBytes(
                "POST / HTTP/1.1\r\n" +
                $"Host: {_host}\r\n" +
                "Content-Type: application/x-amz-json-1.0\r\n" +
                $"X-Amz-Target: DynamoDB_20120810.{operation}\r\n" +
                $"Authorization: {DynamoHttpClient.Authorization}\r\n" +
                $"X-Amz-Date: {DynamoHttpClient.AmzDate}\r\n" +
                "Content-Length: ");
            _headers[operation] = headers;
        }
        var needed = headers.Length + 16 + body.Length;
        if (_send.Length < needed) _send = new byte[Math.Max(needed, _send.Length * 2)];
        headers.CopyTo(_send, 0);
        var at = headers.Length;
        body.Length.TryFormat(_send.AsSpan(at), out var digits);
        at += digits;
        _send[at++] = (byte)'\r';
        _send[at++] = (byte)'\n';
        _send[at++] = (byte)'\r';
        _send[at++] = (byte)'\n';
        body.CopyTo(_send, at);
        return at + body.Length;
    }

    private (int Status, string? Error) ReadResponse(Socket socket)
    {
        var filled = 0;
        int headerEnd;
        while ((headerEnd = _receive.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0) filled = Fill(socket, filled);
        var (status, contentLength, chunked, close) = ParseHead(_receive.AsSpan(0, headerEnd));
        var bodyStart = headerEnd + 4;

        int bodyEnd;
        if (chunked)
        {
            bodyEnd = ReadChunked(socket, bodyStart, ref filled);
        }
        else
        {
            // 204 and 304 carry no body whatever their headers say (RFC 9112, 6.3).
            if (status is 204 or 304) contentLength = 0;
            if (contentLength < 0) throw new InvalidDataException("response without Content-Length or chunked encoding");
            bodyEnd = bodyStart + contentLength;
            while (filled < bodyEnd) filled = Fill(socket, filled);
        }
        if (filled != bodyEnd) throw new InvalidDataException($"{filled - bodyEnd} bytes past the response (one request in flight at a time)");

        var error = status is >= 200 and < 300 ? null : Encoding.UTF8.GetString(_receive, bodyStart, bodyEnd - bodyStart);
        if (close)
        {
            _socket?.Dispose();
            _socket = null;
        }
        return (status, error);
    }

    /// <summary>Decodes chunks in place, so that the body ends up contiguous from <paramref name="bodyStart"/>; returns its end.</summary>
    private int ReadChunked(Socket socket, int bodyStart, ref int filled)
    {
        var write = bodyStart;
        var read = bodyStart;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _receive.AsSpan(read, filled - read).IndexOf("\r\n"u8)) < 0) filled = Fill(socket, filled);
            var sizeField = _receive.AsSpan(read, lineEnd);
            var extension = sizeField.IndexOf((byte)';');
            if (extension >= 0) sizeField = sizeField[..extension];
            if (!Utf8Parser.TryParse(TrimAscii(sizeField), out int size, out _, 'x'))
                throw new InvalidDataException($"bad chunk size: {Encoding.ASCII.GetString(sizeField)}");
            read += lineEnd + 2;
            while (filled < read + size + 2) filled = Fill(socket, filled);
            if (size == 0)
            {
                // No trailers are expected: the last chunk is "0\r\n\r\n".
                filled = write;
                return write;
            }
            Buffer.BlockCopy(_receive, read, _receive, write, size);
            write += size;
            read += size + 2;
        }
    }

    private int Fill(Socket socket, int filled)
    {
        if (filled == _receive.Length) Array.Resize(ref _receive, _receive.Length * 2);
        var n = socket.Receive(_receive, filled, _receive.Length - filled, SocketFlags.None);
        if (n == 0) throw new IOException("the server closed the connection");
        return filled + n;
    }

    private static (int Status, int ContentLength, bool Chunked, bool Close) ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        // "HTTP/1.1 200 OK"
        if (!statusLine.StartsWith("HTTP/1."u8) || statusLine.Length < 12 || statusLine[8] != (byte)' '
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out _))
            throw new InvalidDataException($"not an HTTP/1.x status line: {Encoding.ASCII.GetString(statusLine)}");

        int contentLength = -1;
        bool chunked = false, close = false;
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon < 0) continue;
            var name = TrimAscii(line[..colon]);
            var value = TrimAscii(line[(colon + 1)..]);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out var used) || used != value.Length)
                    throw new InvalidDataException($"bad Content-Length: {Encoding.ASCII.GetString(value)}");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8)) chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8)) close = Ascii.EqualsIgnoreCase(value, "close"u8);
        }
        return (status, contentLength, chunked, close);
    }

    private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> s) => s[Ascii.Trim(s)];

    public void Dispose() => _socket?.Dispose();
}
