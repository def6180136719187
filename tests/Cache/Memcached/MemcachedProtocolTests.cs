using System.Net.Sockets;
using System.Text;
using DataTier.Tests.Wire;
using Xunit;

namespace DataTier.Tests.Cache.Memcached;

/// <summary>The memcached text protocol of a real silo process, over the same keyspace as RESP.</summary>
[Collection("wire")]
public class MemcachedProtocolTests(SiloFixture fixture)
{
    private MemcachedTextClient Connect() => new(fixture.Silo.MemcachedPort);

    private static string Key(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public void Storage_commands_follow_memcached_rules()
    {
        using var mc = Connect();
        var k = Key("k");
        Assert.Equal("NOT_STORED", mc.Call($"replace {k} 0 0 1\r\nx\r\n"));
        Assert.Equal("STORED", mc.Call($"add {k} 42 0 5\r\nhello\r\n"));
        Assert.Equal("NOT_STORED", mc.Call($"add {k} 0 0 1\r\nx\r\n"));
        Assert.Equal(["VALUE " + k + " 42 5", "hello"], mc.Retrieve($"get {k}\r\n"));
        Assert.Equal("STORED", mc.Call($"append {k} 0 0 1\r\n!\r\n"));
        Assert.Equal("STORED", mc.Call($"prepend {k} 0 0 2\r\n>>\r\n"));
        Assert.Equal(["VALUE " + k + " 42 8", ">>hello!"], mc.Retrieve($"get {k}\r\n"));

        var gets = mc.Retrieve($"gets {k}\r\n");
        var cas = ulong.Parse(gets[0].Split(' ')[4]);
        Assert.Equal("EXISTS", mc.Call($"cas {k} 1 0 3 {cas + 1000}\r\nnew\r\n"));
        Assert.Equal("STORED", mc.Call($"cas {k} 1 0 3 {cas}\r\nnew\r\n"));
        Assert.Equal("EXISTS", mc.Call($"cas {k} 1 0 3 {cas}\r\nold\r\n"));
        Assert.Equal("NOT_FOUND", mc.Call($"cas {Key("missing")} 1 0 3 1\r\nold\r\n"));

        Assert.Equal("DELETED", mc.Call($"delete {k}\r\n"));
        Assert.Equal("NOT_FOUND", mc.Call($"delete {k}\r\n"));
        Assert.Empty(mc.Retrieve($"get {k}\r\n"));
    }

    [Fact]
    public void Counters_expiry_noreply_and_errors()
    {
        using var mc = Connect();
        var n = Key("n");
        Assert.Equal("NOT_FOUND", mc.Call($"incr {n} 1\r\n"));
        Assert.Equal("STORED", mc.Call($"set {n} 0 0 2\r\n10\r\n"));
        Assert.Equal("15", mc.Call($"incr {n} 5\r\n"));
        Assert.Equal("0", mc.Call($"decr {n} 100\r\n"));
        Assert.Equal("18446744073709551615", mc.Call($"incr {n} 18446744073709551615\r\n"));
        Assert.Equal("4", mc.Call($"incr {n} 5\r\n")); // 64-bit wrap, as memcached does
        Assert.Equal("CLIENT_ERROR invalid numeric delta argument", mc.Call($"incr {n} abc\r\n"));
        Assert.Equal("STORED", mc.Call($"set {n} 0 0 3\r\nabc\r\n"));
        Assert.Equal("CLIENT_ERROR cannot increment or decrement non-numeric value", mc.Call($"incr {n} 1\r\n"));

        var t = Key("t");
        Assert.Equal("STORED", mc.Call($"set {t} 0 -1 1\r\nx\r\n"));
        Assert.Empty(mc.Retrieve($"get {t}\r\n"));
        Assert.Equal("STORED", mc.Call($"set {t} 0 100 1\r\nx\r\n"));
        Assert.Equal("TOUCHED", mc.Call($"touch {t} -1\r\n"));
        Assert.Empty(mc.Retrieve($"get {t}\r\n"));
        Assert.Equal("NOT_FOUND", mc.Call($"touch {t} 10\r\n"));
        Assert.Equal("STORED", mc.Call($"set {t} 7 0 1\r\ny\r\n"));
        Assert.Equal(["VALUE " + t + " 7 1", "y"], mc.Retrieve($"gat 100 {t}\r\n"));

        // noreply writes answer nothing: the next reply belongs to the next command.
        mc.Send($"set {t} 0 0 1 noreply\r\nz\r\n");
        Assert.Equal("VERSION 1.6.21", mc.Call("version\r\n"));
        Assert.Equal(["VALUE " + t + " 0 1", "z"], mc.Retrieve($"get {t}\r\n"));

        Assert.Equal("CLIENT_ERROR bad data chunk", mc.Call($"set {t} 0 0 1\r\nzzz\r\n"));
        Assert.Equal("ERROR", mc.Line()); // the rest of the line, "\r\n", reads as an empty command, as in memcached
        Assert.Equal("ERROR", mc.Call("nonsense\r\n"));
        Assert.Equal("CLIENT_ERROR bad command line format", mc.Call($"set {t} x 0 1\r\n"));
    }

    [Fact]
    public void Memcached_and_RESP_share_one_keyspace_and_pipelined_commands_answer_in_order()
    {
        using var mc = Connect();
        var k = Key("shared");
        Assert.Equal("STORED", mc.Call($"set {k} 0 0 5\r\nhello\r\n"));
        using (var redis = new TcpClient("127.0.0.1", fixture.Silo.RespPort))
        {
            var stream = redis.GetStream();
            stream.Write(Encoding.ASCII.GetBytes($"*2\r\n$3\r\nGET\r\n${k.Length}\r\n{k}\r\n"));
            var reader = new StreamReader(stream, Encoding.ASCII);
            Assert.Equal("$5", reader.ReadLine());
            Assert.Equal("hello", reader.ReadLine());
        }
        var keys = Enumerable.Range(0, 20).Select(i => Key("p")).ToList();
        mc.Send(string.Concat(keys.Select((key, i) => $"set {key} {i} 0 1\r\n{i % 10}\r\n")));
        Assert.All(keys, _ => Assert.Equal("STORED", mc.Line()));
        var values = mc.Retrieve("get " + string.Join(' ', keys) + "\r\n");
        Assert.Equal(40, values.Count);
        Assert.Equal(keys.Select((key, i) => $"VALUE {key} {i} 1"), values.Where((_, i) => i % 2 == 0));
        Assert.Contains(mc.Retrieve("stats\r\n"), line => line.StartsWith("STAT curr_items ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Debian_memccapable_passes_its_ascii_protocol_tests()
    {
        var (exitCode, output) = await Memccapable.RunAsync(fixture.Silo.MemcachedPort, "-a");
        Assert.True(exitCode == 0, output);
        Assert.Contains("All tests passed", output);
    }
}
