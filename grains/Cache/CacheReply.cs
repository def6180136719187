using System.Text;

namespace DataTier.Cache;

/// <summary>One command's reply. Immutable, so the runtime passes it between grains without copying.</summary>
[GenerateSerializer, Immutable]
public sealed class CacheReply
{
    public static readonly CacheReply Ok = Simple("OK");
    public static readonly CacheReply Pong = Simple("PONG");
    public static readonly CacheReply Nil = new(ReplyKind.Null);
    public static readonly CacheReply NilArray = new(ReplyKind.NullArray);
    public static readonly CacheReply Zero = new(ReplyKind.Integer) { Integer = 0 };
    public static readonly CacheReply One = new(ReplyKind.Integer) { Integer = 1 };
    public static readonly CacheReply MinusOne = new(ReplyKind.Integer) { Integer = -1 };
    public static readonly CacheReply MinusTwo = new(ReplyKind.Integer) { Integer = -2 };
    public static readonly CacheReply EmptyArray = new(ReplyKind.Array) { Items = [] };
    public static readonly CacheReply EmptyMap = new(ReplyKind.Map) { Items = [] };
    public static readonly CacheReply EmptyBulk = new(ReplyKind.Bulk) { Bytes = [] };

    private static readonly CacheReply[] SmallIntegers = Enumerable.Range(0, 256).Select(i => new CacheReply(ReplyKind.Integer) { Integer = i }).ToArray();

    public CacheReply(ReplyKind kind) => Kind = kind;

    [Id(0)] public ReplyKind Kind { get; init; }
    [Id(1)] public long Integer { get; init; }
    [Id(2)] public double Double { get; init; }
    [Id(3)] public byte[]? Bytes { get; init; }
    [Id(4)] public string? Text { get; init; }
    [Id(5)] public CacheReply[]? Items { get; init; }

    public bool IsError => Kind == ReplyKind.Error;

    public static CacheReply Simple(string text) => new(ReplyKind.Simple) { Text = text };

    public static CacheReply Error(string text) => new(ReplyKind.Error) { Text = text };

    public static CacheReply Int(long value) => value is >= 0 and < 256 ? SmallIntegers[value] : new(ReplyKind.Integer) { Integer = value };

    public static CacheReply Bulk(byte[]? value) => value is null ? Nil : new(ReplyKind.Bulk) { Bytes = value };

    public static CacheReply Bulk(string value) => new(ReplyKind.Bulk) { Bytes = Encoding.UTF8.GetBytes(value) };

    public static CacheReply Number(double value) => new(ReplyKind.Double) { Double = value };

    public static CacheReply Array(CacheReply[] items) => new(ReplyKind.Array) { Items = items };

    /// <summary>A page of SCAN, HSCAN, SSCAN or ZSCAN: the next cursor (0 at the end) and the page's items.</summary>
    public static CacheReply ScanPage(ulong next, List<CacheReply> items) =>
        Array([Bulk(next.ToString(System.Globalization.CultureInfo.InvariantCulture)), Array([.. items])]);

    /// <summary>The scan of an absent key.</summary>
    public static readonly CacheReply EmptyScan = Array([Bulk("0"), EmptyArray]);

    /// <summary>Members of a set: RESP2 array, RESP3 set.</summary>
    public static CacheReply Members(CacheReply[] items) => new(ReplyKind.Set) { Items = items };

    public static CacheReply Map(CacheReply[] flattened) => new(ReplyKind.Map) { Items = flattened };

    public static CacheReply Pairs(CacheReply[] flattened) => new(ReplyKind.ScorePairs) { Items = flattened };

    public static CacheReply KeyedPairs(CacheReply[] flattened) => new(ReplyKind.KeyedPairs) { Items = flattened };

    public static CacheReply Verbatim(string text) => new(ReplyKind.Verbatim) { Text = text };

    public static CacheReply Boolean(bool value) => new(ReplyKind.Boolean) { Integer = value ? 1 : 0 };

    public static CacheReply BigNumber(string digits) => new(ReplyKind.BigNumber) { Text = digits };

    public static CacheReply HumanDouble(string digits) => new(ReplyKind.HumanDouble) { Text = digits };

    public override string ToString() => Kind switch
    {
        ReplyKind.Simple or ReplyKind.Error or ReplyKind.Verbatim or ReplyKind.BigNumber => Text!,
        ReplyKind.Integer or ReplyKind.Boolean => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ReplyKind.Bulk => Encoding.UTF8.GetString(Bytes!),
        ReplyKind.Double => ScoreFormat.Format(Double),
        ReplyKind.HumanDouble => Text!,
        ReplyKind.Null or ReplyKind.NullArray => "(nil)",
        _ => "[" + string.Join(", ", Items!.Select(i => i.ToString())) + "]",
    };
}
