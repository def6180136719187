using System.Buffers;
using System.Text;
using DataTier.Bench.Common;
using DataTier.Silo.Resp;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>The RESP command parser, on commands whole in one segment and split across segments at every byte.</summary>
public class RespReaderTests
{
    private const string Pipeline = "*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n*0\r\n*1\r\n$4\r\nPING\r\n";

    private static List<string> ParseAll(ReadOnlySequence<byte> bytes, out RespParseResult last, out long consumed)
    {
        var reader = new SequenceReader<byte>(bytes);
        var commands = new List<string>();
        while (true)
        {
            last = RespReader.TryRead(ref reader, 1024, out var args, out _);
            if (last == RespParseResult.Command) commands.Add(string.Join(" ", args.Select(a => Encoding.UTF8.GetString(a))));
            else if (last != RespParseResult.Empty) break;
        }
        consumed = reader.Consumed;
        return commands;
    }

    [Fact]
    public void A_pipeline_parses_the_same_whether_whole_or_split_at_any_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Pipeline);
        for (var at = 0; at <= bytes.Length; at++)
        {
            var commands = ParseAll(SplitBytes.At(bytes, at), out var last, out var consumed);
            Assert.Equal(["GET key", "SET k ", "PING"], commands);
            Assert.Equal(RespParseResult.Incomplete, last);
            Assert.Equal(bytes.Length, consumed);
        }
    }

    [Fact]
    public void An_incomplete_command_consumes_nothing_until_its_last_byte_arrives()
    {
        var bytes = Encoding.UTF8.GetBytes("*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n");
        for (var length = 1; length < bytes.Length; length++)
        {
            Assert.Empty(ParseAll(new ReadOnlySequence<byte>(bytes.AsMemory(0, length)), out var last, out var consumed));
            Assert.Equal(RespParseResult.Incomplete, last);
            Assert.Equal(0, consumed);
        }
    }

    [Theory]
    [InlineData("*x\r\n", "ERR Protocol error: invalid multibulk length")]
    [InlineData("*1\r\n:3\r\n", "ERR Protocol error: expected '$', got ':'")]
    [InlineData("*1\r\n$-2\r\nab\r\n", "ERR Protocol error: invalid bulk length")]
    [InlineData("*1\r\n$2000\r\n", "ERR Protocol error: invalid bulk length")]
    public void Malformed_commands_get_redis_protocol_errors_whole_or_split(string text, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var at = 0; at <= bytes.Length; at++)
        {
            var reader = new SequenceReader<byte>(SplitBytes.At(bytes, at));
            Assert.Equal(RespParseResult.ProtocolError, RespReader.TryRead(ref reader, 1024, out _, out var error));
            Assert.Equal(expected, error);
        }
    }
}
