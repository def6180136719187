using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace DataTier.Tests.Cache;

/// <summary>
/// A minimal RESP client for tests: sends commands (or raw bytes) and reads replies rendered as text
/// that keeps the reply's type: <c>+OK</c>, <c>-ERR ...</c>, <c>:1</c>, <c>"value"</c>, <c>(nil)</c>,
/// <c>[a, b]</c>, <c>{k: v}</c> (RESP3 map), <c>~[..]</c> (set), <c>,1.5</c> (double), <c>&gt;[..]</c> (push).
/// </summary>
public sealed class RespTestClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly BufferedStream _reader;

    private RespTestClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new BufferedStream(_stream);
    }

    public static async Task<RespTestClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true, ReceiveTimeout = 10_000 };
        await tcp.ConnectAsync("127.0.0.1", port);
        return new RespTestClient(tcp);
    }

    public async Task<string> CallAsync(params string[] args)
    {
        await SendAsync(args);
        return await ReadAsync();
    }

    /// <summary>Sends arguments as raw bytes (binary-safe) and reads the reply.</summary>
    public async Task<string> CallAsync(byte[][] args)
    {
        await SendRawAsync(Frame(args));
        return await ReadAsync();
    }

    private static byte[] Frame(byte[][] args)
    {
        var frame = new MemoryStream();
        frame.Write(Encoding.ASCII.GetBytes($"*{args.Length}\r\n"));
        foreach (var a in args)
        {
            frame.Write(Encoding.ASCII.GetBytes($"${a.Length}\r\n"));
            frame.Write(a);
            frame.Write("\r\n"u8);
        }
        return frame.ToArray();
    }

    /// <summary>Sends arguments as raw bytes and reads a bulk reply as its bytes (null for nil); any other reply throws, with its text.</summary>
    public async Task<byte[]?> CallForBytesAsync(params byte[][] args)
    {
        await SendRawAsync(Frame(args));
        return await Task.Run(() =>
        {
            var line = ReadLine();
            if (line[0] != '$') throw new InvalidDataException("Not a bulk reply: " + line);
            var length = int.Parse(line[1..], CultureInfo.InvariantCulture);
            if (length < 0) return null;
            var data = new byte[length + 2];
            var read = 0;
            while (read < data.Length) read += _reader.Read(data, read, data.Length - read);
            return data[..length];
        });
    }

    public async Task SendAsync(params string[] args) => await SendRawAsync(Encode(args));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public static byte[] Encode(params string[] args)
    {
        var text = new StringBuilder();
        text.Append('*').Append(args.Length).Append("\r\n");
        foreach (var a in args) text.Append('$').Append(Encoding.UTF8.GetByteCount(a)).Append("\r\n").Append(a).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public Task<string> ReadAsync() => Task.Run(() => Read(sortUnordered: false));

    private string Read(bool sortUnordered)
    {
        var line = ReadLine();
        var body = line[1..];
        switch (line[0])
        {
            case '+': return "+" + body;
            case '-': return "-" + body;
            case ':': return ":" + body;
            case ',': return "," + body;
            case '(': return "(" + body;
            case '_': return "(nil)";
            case '#': return body == "t" ? "(true)" : "(false)";
            case '$':
            case '=':
                var length = int.Parse(body, CultureInfo.InvariantCulture);
                if (length < 0) return "(nil)";
                var data = new byte[length + 2];
                var read = 0;
                while (read < data.Length) read += _reader.Read(data, read, data.Length - read);
                var text = Text(data.AsSpan(0, length));
                return line[0] == '=' ? "=" + text : "\"" + text + "\"";
            case '*':
            case '~':
            case '>':
                var count = int.Parse(body, CultureInfo.InvariantCulture);
                if (count < 0) return "(nil array)";
                var items = Enumerable.Range(0, count).Select(_ => Read(sortUnordered)).ToList();
                var prefix = line[0] == '*' ? "" : line[0].ToString();
                return prefix + "[" + string.Join(", ", items) + "]";
            case '%':
                var pairs = int.Parse(body, CultureInfo.InvariantCulture);
                var entries = Enumerable.Range(0, pairs).Select(_ => Read(sortUnordered) + ": " + Read(sortUnordered)).ToList();
                return "{" + string.Join(", ", entries) + "}";
            default:
                throw new InvalidDataException("Unexpected reply line: " + line);
        }
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>A bulk string as text, or as hex when it is not UTF-8, so that binary values (bitmaps, HyperLogLogs) compare byte for byte.</summary>
    private static string Text(ReadOnlySpan<byte> data)
    {
        try
        {
            return StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return "hex:" + Convert.ToHexString(data);
        }
    }

    private string ReadLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = _reader.ReadByte();
            if (b < 0) throw new EndOfStreamException("The server closed the connection");
            if (b == '\n' && bytes.Count > 0 && bytes[^1] == '\r')
            {
                bytes.RemoveAt(bytes.Count - 1);
                return Encoding.UTF8.GetString([.. bytes]);
            }
            bytes.Add((byte)b);
        }
    }

    /// <summary>True when the server has closed the connection (reads end).</summary>
    public bool IsClosedByServer()
    {
        try
        {
            return _reader.ReadByte() < 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        _tcp.Dispose();
    }
}
