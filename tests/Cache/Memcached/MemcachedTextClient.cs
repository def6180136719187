using System.Net.Sockets;
using System.Text;

namespace DataTier.Tests.Cache.Memcached;

/// <summary>A raw memcached text-protocol connection for tests: send lines, read lines and data blocks.</summary>
public sealed class MemcachedTextClient : IDisposable
{
    private readonly TcpClient _tcp = new();
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    public MemcachedTextClient(int port)
    {
        _tcp.Connect("127.0.0.1", port);
        _stream = _tcp.GetStream();
        _stream.ReadTimeout = 10_000;
        _reader = new StreamReader(_stream, Encoding.ASCII);
    }

    public void Send(string text) => _stream.Write(Encoding.ASCII.GetBytes(text));

    public string Line() => _reader.ReadLine() ?? throw new IOException("connection closed");

    /// <summary>Sends a command and reads one reply line.</summary>
    public string Call(string text)
    {
        Send(text);
        return Line();
    }

    /// <summary>Sends a retrieval command and reads every line up to END.</summary>
    public List<string> Retrieve(string text)
    {
        Send(text);
        var lines = new List<string>();
        for (var line = Line(); line != "END"; line = Line()) lines.Add(line);
        return lines;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _tcp.Dispose();
    }
}
