using System.Text;
using DataTier.Cache.Dump;
using DataTier.Cache.Values;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>The parts of the DUMP format on their own: CRC-64, LZF, listpacks, intsets, ziplists and the footer.</summary>
public sealed class DumpFormatTests
{
    [Fact]
    public void Crc64_matches_redis_check_value()
    {
        Assert.Equal(0xe9c6d914c4b8d9caUL, Crc64.Compute("123456789"u8));
        Assert.Equal(0UL, Crc64.Compute([]));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("hello hello hello hello hello hello hello hello, world world world")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789")]
    public void Lzf_round_trips_what_it_compresses(string text)
    {
        var data = Encoding.ASCII.GetBytes(text);
        var compressed = Lzf.Compress(data, data.Length - 4);
        Assert.NotNull(compressed);
        Assert.True(compressed.Length < data.Length - 4);
        Assert.Equal(data, Lzf.Decompress(compressed, data.Length));
    }

    [Fact]
    public void Lzf_round_trips_long_and_random_data()
    {
        var random = new Random(7);
        var repetitive = Enumerable.Range(0, 20_000).Select(i => (byte)(i % 251 < 100 ? 'x' : random.Next(4))).ToArray();
        var compressed = Lzf.Compress(repetitive, repetitive.Length - 4)!;
        Assert.Equal(repetitive, Lzf.Decompress(compressed, repetitive.Length));
        var noise = new byte[500];
        random.NextBytes(noise);
        Assert.Null(Lzf.Compress(noise, noise.Length - 4));
    }

    [Fact]
    public void Lzf_decodes_a_literal_run_and_an_overlapping_back_reference()
    {
        // "ab" as a literal run of 2, then a reference 2 back copying 6 bytes (length 6 - 2 = 4 in the top bits).
        byte[] compressed = [0x01, (byte)'a', (byte)'b', 0x80, 0x01];
        Assert.Equal("abababab", Encoding.ASCII.GetString(Lzf.Decompress(compressed, 8)));
        Assert.Throws<DumpFormatException>(() => Lzf.Decompress(compressed, 9));
        Assert.Throws<DumpFormatException>(() => Lzf.Decompress([0x20, 0x05], 4));
    }

    [Fact]
    public void Listpack_round_trips_integers_of_every_width_and_strings_of_every_length()
    {
        string[] values =
        [
            "0", "127", "128", "-1", "4095", "-4096", "4096", "32767", "-32768", "8388607", "-8388608", "2147483647", "-2147483648",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "007", "-0", "", "x", new string('s', 63),
            new string('m', 64), new string('l', 4095), new string('h', 4096), new string('b', 20_000),
        ];
        var elements = values.Select(Encoding.ASCII.GetBytes).ToList();
        var lp = Listpack.Write(elements);
        Assert.Equal(elements, Listpack.Read(lp));
        lp[^1] = 0;
        Assert.Throws<DumpFormatException>(() => Listpack.Read(lp));
    }

    [Fact]
    public void Intset_round_trips_and_refuses_disorder()
    {
        var set = Intset.Write([5, -70000, 3]);
        Assert.Equal(["-70000", "3", "5"], Intset.Read(set).Select(Encoding.ASCII.GetString));
        set[8] = 0xff;
        set[9] = 0xff;
        set[10] = 0xff;
        set[11] = 0x7f;
        Assert.Throws<DumpFormatException>(() => Intset.Read(set));
    }

    [Fact]
    public void A_list_in_an_rdb_9_ziplist_is_read()
    {
        byte[] ziplist = [20, 0, 0, 0, 15, 0, 0, 0, 3, 0, 0, 0x01, (byte)'a', 3, 0xf6, 2, 0x02, (byte)'b', (byte)'b', 0xff];
        var payload = Seal([10, (byte)ziplist.Length, .. ziplist], version: 9);
        Assert.True(DumpPayload.IsSound(payload));
        var list = Assert.IsType<ListValue>(DumpDecoder.Decode(payload));
        Assert.Equal(["a", "5", "bb"], list.Items.Select(Encoding.ASCII.GetString));
    }

    [Fact]
    public void The_footer_refuses_newer_versions_and_bad_checksums()
    {
        var payload = DumpEncoder.Encode("hello"u8.ToArray());
        Assert.True(DumpPayload.IsSound(payload));
        Assert.Equal("hello", Encoding.ASCII.GetString((byte[])DumpDecoder.Decode(payload)));
        Assert.False(DumpPayload.IsSound(Seal([0, 1, (byte)'x'], version: 11)));
        payload[1] ^= 1;
        Assert.False(DumpPayload.IsSound(payload));
        Assert.False(DumpPayload.IsSound([1, 2, 3]));
    }

    [Fact]
    public void Empty_collections_and_duplicates_are_bad_data()
    {
        Assert.Throws<DumpFormatException>(() => Decode([2, 0]));
        Assert.Throws<DumpFormatException>(() => Decode([2, 2, 1, (byte)'a', 1, (byte)'a']));
        Assert.Throws<DumpFormatException>(() => Decode([4, 1, 1, (byte)'a']));
        Assert.Throws<DumpFormatException>(() => Decode([0x63]));
    }

    /// <summary>Payloads of every type with bytes changed or cut: each decodes or is bad data, never another failure.</summary>
    [Fact]
    public void Corrupted_payloads_are_bad_data_and_never_fail_otherwise()
    {
        var random = new Random(11);
        byte[] Text(int i) => Encoding.ASCII.GetBytes(i % 3 == 0 ? i.ToString() : new string((char)('a' + i % 26), i % 90));
        var list = new ListValue();
        var hash = new HashValue();
        var small = new SortedSetValue();
        var large = new SortedSetValue();
        for (var i = 0; i < 40; i++)
        {
            list.PushBack(Text(i));
            hash.Set(Encoding.ASCII.GetBytes("f" + i), Text(i));
            small.Set(Encoding.ASCII.GetBytes("m" + i), i * 1.5);
        }
        for (var i = 0; i < 200; i++) large.Set(Text(i + 1000), -i);
        var stream = new DataTier.Cache.Streams.StreamValue();
        for (var i = 1; i < 30; i++) stream.Append(new((ulong)i, 0), [Text(i % 2), Text(i)]);
        var group = new DataTier.Cache.Streams.StreamGroup("g"u8.ToArray(), new(5, 0), 5);
        group.Deliver(new(3, 0), group.Consumer("c"u8.ToArray(), 100, out _), 100);
        stream.AddGroup(group);
        object[] values = [list, hash, small, large, stream, SetValue.Of([.. Enumerable.Range(0, 20).Select(i => Encoding.ASCII.GetBytes((i * 1000).ToString()))]),
            SetValue.Of([.. Enumerable.Range(0, 20).Select(Text)]), Encoding.ASCII.GetBytes(new string('z', 300))];
        foreach (var value in values)
        {
            var payload = DumpEncoder.Encode(value);
            Assert.IsType(value.GetType(), DumpDecoder.Decode(payload));
            for (var round = 0; round < 3000; round++)
            {
                var damaged = round % 4 == 0 ? payload[..random.Next(payload.Length)] : payload.ToArray();
                for (var n = random.Next(1, 4); n > 0 && damaged.Length > 0; n--) damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                try
                {
                    DumpDecoder.Decode(damaged);
                }
                catch (DumpFormatException)
                {
                }
            }
        }
    }

    private static object Decode(byte[] value) => DumpDecoder.Decode(value);

    /// <summary>A value with a footer of the given RDB version and its CRC-64.</summary>
    internal static byte[] Seal(byte[] value, ushort version)
    {
        var payload = new byte[value.Length + 10];
        value.CopyTo(payload, 0);
        payload[value.Length] = (byte)version;
        payload[value.Length + 1] = (byte)(version >> 8);
        BitConverter.TryWriteBytes(payload.AsSpan(value.Length + 2), Crc64.Compute(payload.AsSpan(0, value.Length + 2)));
        return payload;
    }
}
