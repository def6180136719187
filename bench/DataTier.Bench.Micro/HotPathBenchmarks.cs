using System.Text;
using BenchmarkDotNet.Attributes;
using DataTier.Expressions;
using DataTier.Model;

namespace DataTier.Bench.Micro;

/// <summary>The per-request hot paths below the HTTP layer: item encoding, numbers and condition evaluation.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private Dictionary<string, AttrValue> _item = null!;
    private byte[] _encoded = null!;
    private Condition _condition = null!;

    [GlobalSetup]
    public void Setup()
    {
        _item = new Dictionary<string, AttrValue>
        {
            ["pk"] = AttrValue.FromS("user#0123456789"),
            ["version"] = AttrValue.FromN("42"),
            ["name"] = AttrValue.FromS("Ada Lovelace"),
            ["tags"] = AttrValue.FromSS(["a", "b", "c"]),
            ["data"] = AttrValue.FromS(new string('x', 1024)),
            ["address"] = AttrValue.FromM(new Dictionary<string, AttrValue> { ["city"] = AttrValue.FromS("London"), ["zip"] = AttrValue.FromN("12345") }),
        };
        _encoded = ItemCodec.Encode(_item);
        var context = new ExpressionContext(new Dictionary<string, string> { ["#v"] = "version" }, new Dictionary<string, AttrValue> { [":v"] = AttrValue.FromN("42") });
        _condition = ExpressionParser.ParseCondition("ConditionExpression", "attribute_exists(pk) AND #v = :v", context);
    }

    [Benchmark]
    public byte[] EncodeItem() => ItemCodec.Encode(_item);

    [Benchmark]
    public Dictionary<string, AttrValue> DecodeItem() => ItemCodec.Decode(_encoded);

    [Benchmark]
    public int ItemSizeOf() => ItemSize.Of(_item);

    [Benchmark]
    public DynamoNumber ParseNumber() => DynamoNumber.Parse("-12345.678901234567890123456789E-10");

    [Benchmark]
    public byte[] SortableNumber() => DynamoNumber.Parse("1234.5678").ToSortableBytes();

    [Benchmark]
    public bool EvaluateVersionCondition() => ConditionEvaluator.Evaluate(_condition, _item);

    [Benchmark]
    public Condition ParseVersionCondition()
    {
        var context = new ExpressionContext(new Dictionary<string, string> { ["#v"] = "version" }, new Dictionary<string, AttrValue> { [":v"] = AttrValue.FromN("42") });
        return ExpressionParser.ParseCondition("ConditionExpression", "attribute_exists(pk) AND #v = :v", context);
    }
}
