using System.Text;
using DataTier.Cache.Dump;
using DataTier.Cache.Streams;
using DataTier.Cache.Values;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Encodings redis-server 7.0 no longer writes but still restores (zipmaps, ziplists, the first quicklist and sorted set
/// types, the first stream type) and Redis 7.2's set listpack and third stream type, built by hand.
/// </summary>
public sealed class DumpOlderEncodingsTests
{
    [Fact]
    public void A_zipmap_hash_is_read_with_its_free_bytes_skipped()
    {
        byte[] zipmap = [2, 1, (byte)'a', 1, 0, (byte)'x', 2, (byte)'b', (byte)'b', 1, 2, (byte)'y', 0, 0, 0xff];
        var hash = Assert.IsType<HashValue>(Decode(w => w.WriteString(zipmap), RdbType.HashZipmap));
        Assert.Equal("a=x bb=y", Pairs(hash));
    }

    [Fact]
    public void Ziplist_hashes_sorted_sets_and_quicklists_are_read_with_every_integer_encoding()
    {
        var hash = Assert.IsType<HashValue>(Decode(w => w.WriteString(Ziplist(Text("f"), Text("v"), Text("n"), [0xf8], Text("m"), [0xc0, 0x2c, 0x01])), RdbType.HashZiplist));
        Assert.Equal("f=v m=300 n=7", Pairs(hash));
        var sorted = Assert.IsType<SortedSetValue>(Decode(w => w.WriteString(Ziplist(Text("a"), Text("1.5"), Text("b"), [0xfe, 0xfd])), RdbType.SortedSetZiplist));
        Assert.Equal("b:-3 a:1.5", Scores(sorted));
        var list = Assert.IsType<ListValue>(Decode(w =>
        {
            w.WriteLength(2);
            w.WriteString(Ziplist(Text("x"), [0xd0, 0x00, 0x00, 0x00, 0x80], [0xf0, 0xff, 0xff, 0x7f]));
            w.WriteString(Ziplist([0xe0, 1, 0, 0, 0, 0, 0, 0, 0], [0xf1]));
        }, RdbType.ListQuicklist));
        Assert.Equal("x -2147483648 8388607 1 0", string.Join(' ', list.Items.Select(Encoding.ASCII.GetString)));
    }

    [Fact]
    public void The_first_sorted_set_type_reads_scores_as_text_and_refuses_nan()
    {
        var sorted = Assert.IsType<SortedSetValue>(Decode(w =>
        {
            w.WriteLength(3);
            w.WriteString("a"u8);
            w.WriteByte(3);
            w.WriteBytes("1.5"u8);
            w.WriteString("b"u8);
            w.WriteByte(254);
            w.WriteString("c"u8);
            w.WriteByte(255);
        }, RdbType.SortedSet));
        Assert.Equal("c:-inf a:1.5 b:inf", Scores(sorted));
        Assert.Throws<DumpFormatException>(() => Decode(w =>
        {
            w.WriteLength(1);
            w.WriteString("a"u8);
            w.WriteByte(253);
        }, RdbType.SortedSet));
    }

    [Fact]
    public void Old_lists_and_set_listpacks_are_read()
    {
        var list = Assert.IsType<ListValue>(Decode(w =>
        {
            w.WriteLength(2);
            w.WriteString("a"u8);
            w.WriteString("12"u8);
        }, RdbType.List));
        Assert.Equal("a 12", string.Join(' ', list.Items.Select(Encoding.ASCII.GetString)));
        var set = Assert.IsType<SetValue>(Decode(w => w.WriteString(Listpack.Write([.. new[] { "m", "5" }.Select(Encoding.ASCII.GetBytes)])), RdbType.SetListpack));
        Assert.Equal("5 m", string.Join(' ', set.Members.Select(Encoding.ASCII.GetString).Order()));
    }

    [Theory]
    [InlineData(RdbType.StreamListpacks)]
    [InlineData(RdbType.StreamListpacks3)]
    public void The_first_and_third_stream_types_are_read(byte type)
    {
        var stream = Assert.IsType<StreamValue>(Decode(w =>
        {
            w.WriteLength(1);
            w.WriteString(StreamRdbLayout.RawId(new StreamEntryId(5, 0)));
            // Master entry (2 valid, 1 deleted, field "f"), then 5-0 and a deleted 6-0 with the master's fields, and 7-0 with its own.
            w.WriteString(Listpack.Write([.. new[] { "2", "1", "1", "f", "0", "2", "0", "0", "a", "4", "3", "1", "0", "b", "4", "0", "2", "0", "1", "g", "c", "6" }
                .Select(Encoding.ASCII.GetBytes)]));
            w.WriteLength(2);
            WriteId(w, 7, 0);
            if (type == RdbType.StreamListpacks3)
            {
                WriteId(w, 5, 0);
                WriteId(w, 6, 0);
                w.WriteLength(3);
            }
            w.WriteLength(1);
            w.WriteString("grp"u8);
            WriteId(w, 5, 0);
            if (type == RdbType.StreamListpacks3) w.WriteLength(1);
            w.WriteLength(1);
            w.WriteBytes(StreamRdbLayout.RawId(new StreamEntryId(5, 0)));
            w.WriteMilliseconds(1234);
            w.WriteLength(2);
            w.WriteLength(1);
            w.WriteString("alice"u8);
            w.WriteMilliseconds(999);
            if (type == RdbType.StreamListpacks3) w.WriteMilliseconds(998);
            w.WriteLength(1);
            w.WriteBytes(StreamRdbLayout.RawId(new StreamEntryId(5, 0)));
        }, type));
        Assert.Equal(["5-0 f=a", "7-0 g=c"], stream.Entries.Select(e => $"{e.Id} {Encoding.ASCII.GetString(e.Fields[0])}={Encoding.ASCII.GetString(e.Fields[1])}"));
        Assert.Equal(type == RdbType.StreamListpacks ? 2 : 3, stream.EntriesAdded);
        Assert.Equal(type == RdbType.StreamListpacks ? StreamEntryId.Zero : new StreamEntryId(6, 0), stream.MaxDeletedId);
        var group = stream.Groups["grp"u8.ToArray()];
        Assert.Equal(1, group.EntriesRead);
        var pending = Assert.Single(group.Pending);
        Assert.Equal((new StreamEntryId(5, 0), "alice", 1234L, 2L), (pending.Key, Encoding.ASCII.GetString(pending.Value.Consumer.Name), pending.Value.DeliveredAt, pending.Value.Deliveries));
        Assert.Equal(999, group.Consumers["alice"u8.ToArray()].SeenAt);
    }

    private static object Decode(Action<RdbWriter> write, byte type)
    {
        var w = new RdbWriter();
        w.WriteByte(type);
        write(w);
        var payload = DumpFormatTests.Seal(w.ToArray(), version: 9);
        Assert.True(DumpPayload.IsSound(payload));
        return DumpDecoder.Decode(payload);
    }

    private static void WriteId(RdbWriter w, ulong ms, ulong seq)
    {
        w.WriteLength(ms);
        w.WriteLength(seq);
    }

    /// <summary>A ziplist of entries given as their encoding and data, each after its previous entry's length.</summary>
    private static byte[] Ziplist(params byte[][] bodies)
    {
        var entries = new List<byte>();
        var previous = 0;
        var tail = 10;
        foreach (var body in bodies)
        {
            tail = 10 + entries.Count;
            entries.Add((byte)previous);
            entries.AddRange(body);
            previous = body.Length + 1;
        }
        var zl = new byte[10 + entries.Count + 1];
        BitConverter.TryWriteBytes(zl.AsSpan(0), zl.Length);
        BitConverter.TryWriteBytes(zl.AsSpan(4), tail);
        BitConverter.TryWriteBytes(zl.AsSpan(8), (ushort)bodies.Length);
        entries.CopyTo(zl, 10);
        zl[^1] = 0xff;
        return zl;
    }

    private static byte[] Text(string s) => [(byte)s.Length, .. Encoding.ASCII.GetBytes(s)];

    private static string Pairs(HashValue hash) =>
        string.Join(' ', hash.Fields.Select(f => Encoding.ASCII.GetString(f.Key) + "=" + Encoding.ASCII.GetString(f.Value)).Order(StringComparer.Ordinal));

    private static string Scores(SortedSetValue set) =>
        string.Join(' ', set.Ordered.Select(m => Encoding.ASCII.GetString(m.Member) + ":" + DataTier.Cache.ScoreFormat.Format(m.Score)));
}
