using System.Net.Sockets;
using System.Text;
using DataTier.Tests.Wire;
using Xunit;
using P = DataTier.Tests.Cache.Memcached.BinaryPacket;

namespace DataTier.Tests.Cache.Memcached;

/// <summary>The memcached binary protocol of a real silo process: Debian's memccapable, and the same requests sent to a real memcached.</summary>
[Collection("wire")]
public class MemcachedBinaryTests(SiloFixture fixture)
{
    private const byte Get = 0x00, Set = 0x01, Add = 0x02, Replace = 0x03, Delete = 0x04, Incr = 0x05, Decr = 0x06, Quit = 0x07,
        Flush = 0x08, GetQ = 0x09, Noop = 0x0a, Version = 0x0b, GetK = 0x0c, GetKQ = 0x0d, Append = 0x0e, Prepend = 0x0f,
        Stat = 0x10, SetQ = 0x11, AddQ = 0x12, DeleteQ = 0x14, IncrQ = 0x15, FlushQ = 0x18, Touch = 0x1c, Gat = 0x1d, GatQ = 0x1e, GatK = 0x23;

    [Fact]
    public async Task Debian_memccapable_passes_its_binary_protocol_tests()
    {
        var (exitCode, output) = await Memccapable.RunAsync(fixture.Silo.MemcachedPort, "-b");
        Assert.True(exitCode == 0, output);
        Assert.Contains("All tests passed", output);
    }

    [Fact]
    public async Task Every_response_is_memcached_s_but_for_the_CAS_values()
    {
        using var memcached = await MemcachedServerProcess.StartAsync();
        var theirs = Run(memcached.Port);
        var ours = Run(fixture.Silo.MemcachedPort);
        Assert.Equal(theirs, ours);
        Assert.Contains("op=00 status=0000 opaque=0 cas=cas extras=00000007 key= value=>hello world", ours);
    }

    [Fact]
    public void A_value_stored_over_the_binary_protocol_is_read_over_the_text_protocol_and_RESP_with_its_flags()
    {
        var key = "bin-" + Guid.NewGuid().ToString("N")[..8];
        using var tcp = new TcpClient("127.0.0.1", fixture.Silo.MemcachedPort);
        var stream = tcp.GetStream();
        stream.Write(P.Request(Set, key, P.StorageExtras(99, 0), "shared").ToBytes());
        var stored = P.Read(stream);
        Assert.Equal(0, stored.Status);
        using var text = new MemcachedTextClient(fixture.Silo.MemcachedPort);
        var gets = text.Retrieve($"gets {key}\r\n");
        Assert.Equal($"VALUE {key} 99 6 {stored.Cas}", gets[0]);
        Assert.Equal("shared", gets[1]);
        using var redis = new TcpClient("127.0.0.1", fixture.Silo.RespPort);
        var rs = redis.GetStream();
        rs.Write(Encoding.ASCII.GetBytes($"*2\r\n$3\r\nGET\r\n${key.Length}\r\n{key}\r\n"));
        var reply = new byte[64];
        var n = rs.Read(reply);
        Assert.Equal("$6\r\nshared\r\n", Encoding.ASCII.GetString(reply, 0, n));
    }

    [Fact]
    public void Stat_answers_one_packet_per_statistic_then_an_empty_one_and_quit_closes_the_connection()
    {
        using var tcp = new TcpClient("127.0.0.1", fixture.Silo.MemcachedPort);
        var stream = tcp.GetStream();
        stream.ReadTimeout = 10_000;
        stream.Write(P.Request(Stat, opaque: 5).ToBytes());
        var names = new List<string>();
        for (var packet = P.Read(stream); packet.Key.Length > 0; packet = P.Read(stream))
        {
            Assert.Equal(5u, packet.Opaque);
            names.Add(Encoding.ASCII.GetString(packet.Key));
        }
        Assert.Contains("curr_items", names);
        Assert.Contains("cmd_get", names);
        stream.Write(P.Request(Version).ToBytes());
        Assert.Equal("1.6.21", Encoding.ASCII.GetString(P.Read(stream).Value));
        stream.Write(P.Request(Quit).ToBytes());
        Assert.Equal(0, P.Read(stream).Status);
        Assert.Equal(0, stream.Read(new byte[1]));
    }

    /// <summary>
    /// Runs the script on one server: each step's requests sent together, then a NOOP, every response up to the NOOP's
    /// described; a server that closes the connection instead (after a malformed request) is noted and connected again.
    /// </summary>
    internal static List<string> Run(int port)
    {
        var prefix = "b" + Guid.NewGuid().ToString("N")[..8] + "-";
        var tcp = new TcpClient("127.0.0.1", port);
        var lines = new List<string>();
        try
        {
            foreach (var step in Script(prefix))
            {
                var stream = tcp.GetStream();
                stream.ReadTimeout = 10_000;
                stream.Write(step.SelectMany(r => r.ToBytes()).Concat(P.Request(Noop, opaque: 9999).ToBytes()).ToArray());
                try
                {
                    for (var packet = P.Read(stream); packet.Opaque != 9999; packet = P.Read(stream))
                        lines.Add(packet.Describe().Replace(prefix, "K:"));
                }
                catch (Exception e) when (e is EndOfStreamException or IOException)
                {
                    lines.Add("closed");
                    tcp.Dispose();
                    tcp = new TcpClient("127.0.0.1", port);
                }
                lines.Add("--");
            }
        }
        finally
        {
            tcp.Dispose();
        }
        return lines;
    }

    private static IEnumerable<P[]> Script(string k)
    {
        string key = k + "item", counter = k + "counter", missing = k + "missing";
        yield return [P.Request(Set, key, P.StorageExtras(7, 0), "hello", opaque: 1), P.Request(Get, key, opaque: 2), P.Request(GetK, key, opaque: 3)];
        yield return [P.Request(Add, key, P.StorageExtras(0, 0), "x"), P.Request(Replace, missing, P.StorageExtras(0, 0), "x")];
        yield return [P.Request(AddQ, k + "new", P.StorageExtras(1, 0), "n"), P.Request(GetQ, k + "new"), P.Request(GetQ, missing), P.Request(GetKQ, k + "new")];
        yield return [P.Request(Append, key, value: " world"), P.Request(Prepend, key, value: ">"), P.Request(Get, key), P.Request(Append, missing, value: "x")];
        yield return [P.Request(Set, key, P.StorageExtras(0, 0), "y", cas: 999_999_999), P.Request(Set, missing, P.StorageExtras(0, 0), "y", cas: 5)];
        yield return [P.Request(Append, key, value: "!", cas: 999_999_999), P.Request(Delete, key, cas: 999_999_999), P.Request(Get, key)];
        yield return [P.Request(Touch, key, P.Expiration(100)), P.Request(Gat, key, P.Expiration(100)), P.Request(GatK, key, P.Expiration(0)),
            P.Request(GatQ, missing, P.Expiration(1)), P.Request(Touch, missing, P.Expiration(1))];
        yield return [P.Request(Delete, key), P.Request(Delete, key), P.Request(DeleteQ, missing), P.Request(Get, key)];
        yield return [P.Request(Incr, counter, P.ArithmeticExtras(1, 0, uint.MaxValue)), P.Request(Incr, counter, P.ArithmeticExtras(1, 10, 0)),
            P.Request(Incr, counter, P.ArithmeticExtras(5, 0, 0)), P.Request(Decr, counter, P.ArithmeticExtras(100, 0, 0)),
            P.Request(IncrQ, counter, P.ArithmeticExtras(3, 0, 0)), P.Request(Get, counter)];
        yield return [P.Request(Set, counter, P.StorageExtras(0, 0), "18446744073709551615"), P.Request(Incr, counter, P.ArithmeticExtras(2, 0, 0)),
            P.Request(Set, counter, P.StorageExtras(0, 0), "abc"), P.Request(Incr, counter, P.ArithmeticExtras(1, 0, 0)),
            P.Request(Decr, missing, P.ArithmeticExtras(1, 7, 0)), P.Request(Get, missing)];
        // Unknown commands without a body: memcached 1.6.18 answers one with a body, then loses the requests after it.
        yield return [P.Request(0x40), P.Request(0x30), P.Request(Get, key)];
        yield return [P.Request(Get, key, P.Expiration(1)), P.Request(Get, key)];
        yield return [P.Request(Set, key, value: "no extras")];
        yield return [P.Request(Delete, "")];
        yield return [P.Request(Incr, counter, P.Expiration(1))];
        yield return [P.Request(Noop, key)];
        yield return [P.Request(Set, key, P.StorageExtras(0, 0), "old"), P.Request(Set, key, P.StorageExtras(0, 0), new string('v', 2 * 1024 * 1024)), P.Request(Get, key)];
        yield return [P.Request(Set, key, P.StorageExtras(0, 0), "old"), P.Request(Add, key, P.StorageExtras(0, 0), new string('v', 1024 * 1024 + 1)), P.Request(Get, key)];
        yield return [P.Request(Set, counter, P.StorageExtras(0, 0), "100"), P.Request(Decr, counter, P.ArithmeticExtras(1, 0, 0)), P.Request(Get, counter),
            P.Request(Incr, counter, P.ArithmeticExtras(901, 0, 0)), P.Request(Get, counter)];
        yield return [P.Request(SetQ, key, P.StorageExtras(3, 0), "q"), P.Request(FlushQ), P.Request(Get, key), P.Request(Flush, extras: P.Expiration(0))];
    }
}
