using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Streams;

/// <summary>Stream records as change-log payloads: one encoded item map per record.</summary>
public static class StreamRecordCodec
{
    public static byte[] Encode(StreamRecord record)
    {
        var map = new Dictionary<string, AttrValue>(StringComparer.Ordinal)
        {
            ["e"] = AttrValue.FromS(record.EventName),
            ["t"] = AttrValue.FromN(record.CreatedMs),
            ["k"] = AttrValue.FromM(record.Keys),
            ["s"] = AttrValue.FromN(record.SizeBytes),
            ["v"] = AttrValue.FromS(record.ViewType.ToString()),
        };
        if (record.NewImage is not null) map["n"] = AttrValue.FromM(record.NewImage);
        if (record.OldImage is not null) map["o"] = AttrValue.FromM(record.OldImage);
        if (record.ByService) map["u"] = AttrValue.True;
        if (record.ItemVersion is { } version) map["i"] = AttrValue.FromN(version);
        return ItemCodec.Encode(map);
    }

    public static StreamRecord Decode(long sequence, ReadOnlySpan<byte> payload)
    {
        var map = ItemCodec.Decode(payload);
        return new StreamRecord(
            map["e"].Text!,
            sequence,
            long.Parse(map["t"].Text!),
            map["k"].Map!,
            map.TryGetValue("n", out var n) ? n.Map : null,
            map.TryGetValue("o", out var o) ? o.Map : null,
            int.Parse(map["s"].Text!),
            Enum.Parse<StreamViewType>(map["v"].Text!),
            map.ContainsKey("u"),
            map.TryGetValue("i", out var i) ? long.Parse(i.Text!, System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
