using System.Text;
using DataTier.Cache.Dump;
using DataTier.Cache.Scripting.Functions;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>FUNCTION DUMP's payload: RDB string lengths, LZF, and a payload redis-server 7.0 wrote (the CRC-64 is DUMP's, tested with it).</summary>
public sealed class FunctionDumpTests
{
    /// <summary>redis-server 7.0.15's FUNCTION DUMP of one library, its code LZF-compressed.</summary>
    private const string RedisDump =
        "f5c3406840721f23216c7561206e616d653d710a72656469732e72656769737465725f66756e630474696f6e7bc008005f60270d2761272c2063616c6c6261636b3dc01b" +
        "0f282920656e642c20666c6167733d7b27201f056f772d6f6f6d202c0c276e6f2d777269746573277d7d0a00fe5f5f42d21a0aaf";

    [Fact]
    public void A_dump_written_by_redis_decodes_to_its_library_code()
    {
        var (codes, error) = FunctionDump.Decode(Convert.FromHexString(RedisDump));
        Assert.Null(error);
        Assert.Equal("#!lua name=q\nredis.register_function{function_name='a', callback=function() end, flags={'allow-oom', 'no-writes'}}",
            Encoding.UTF8.GetString(Assert.Single(codes!)));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(20_000)]
    public void Codes_of_every_length_encoding_round_trip(int length)
    {
        var codes = new[] { Encoding.UTF8.GetBytes("#!lua name=a\n" + new string('x', length)), "#!lua name=b\n"u8.ToArray() };
        var (decoded, error) = FunctionDump.Decode(FunctionDump.Encode(codes));
        Assert.Null(error);
        Assert.Equal(codes, decoded);
    }

    [Fact]
    public void A_changed_byte_or_a_later_rdb_version_is_refused()
    {
        var payload = FunctionDump.Encode(["#!lua name=a\n"u8.ToArray()]);
        var changed = payload.ToArray();
        changed[3] ^= 0x20;
        Assert.Equal("ERR DUMP payload version or checksum are wrong", FunctionDump.Decode(changed).Error);
        var later = payload.ToArray();
        later[^10] = 11;
        Assert.Equal("ERR DUMP payload version or checksum are wrong", FunctionDump.Decode(later).Error);
    }

    [Fact]
    public void Lzf_back_references_may_overlap_what_they_copy() =>
        // A literal "a", then a reference one back of length 2 + 2 = 4: "aaaaa".
        Assert.Equal("aaaaa"u8.ToArray(), Lzf.Decompress([0x00, (byte)'a', 0x40, 0x00], 5));
}
