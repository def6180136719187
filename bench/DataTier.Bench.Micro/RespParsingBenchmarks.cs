using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using DataTier.Bench.Common;
using DataTier.Silo.Resp;

namespace DataTier.Bench.Micro;

/// <summary>The RESP endpoint's command parser (silo/Resp/RespReader) on what clients send.</summary>
[MemoryDiagnoser]
public class RespParsingBenchmarks
{
    private const int MaxBulk = 512 * 1024 * 1024;
    private const int Pipeline = 16;

    private readonly ReadOnlySequence<byte> _get = Bytes("*2\r\n$3\r\nGET\r\n$16\r\nkey:000000012345\r\n");
    private readonly ReadOnlySequence<byte> _set100 = Bytes("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000012345\r\n$100\r\n" + new string('v', 100) + "\r\n");
    private readonly ReadOnlySequence<byte> _pipelinedGets = Bytes(string.Concat(Enumerable.Repeat("*2\r\n$3\r\nGET\r\n$16\r\nkey:000000012345\r\n", Pipeline)));
    private readonly ReadOnlySequence<byte> _inline = Bytes("SET key:000000012345 \"hello world\"\r\n");
    private readonly ReadOnlySequence<byte> _split = SplitBytes.At(Encoding.UTF8.GetBytes("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000012345\r\n$100\r\n" + new string('v', 100) + "\r\n"), 37);

    [Benchmark(Baseline = true)]
    public int Get() => ParseAll(_get);

    [Benchmark]
    public int Set100Bytes() => ParseAll(_set100);

    /// <summary>A redis-benchmark -P 16 batch: sixteen GETs in one read.</summary>
    [Benchmark(OperationsPerInvoke = Pipeline)]
    public int Pipelined16Gets() => ParseAll(_pipelinedGets);

    [Benchmark]
    public int InlineSet() => ParseAll(_inline);

    /// <summary>A SET whose bytes arrived in two segments (a read that ended mid-command).</summary>
    [Benchmark]
    public int Set100BytesInTwoSegments() => ParseAll(_split);

    private static int ParseAll(ReadOnlySequence<byte> bytes)
    {
        var reader = new SequenceReader<byte>(bytes);
        var arguments = 0;
        while (RespReader.TryRead(ref reader, MaxBulk, out var args, out _) == RespParseResult.Command) arguments += args.Length;
        return arguments;
    }

    private static ReadOnlySequence<byte> Bytes(string s) => new(Encoding.UTF8.GetBytes(s));
}
