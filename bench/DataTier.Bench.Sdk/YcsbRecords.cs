using System.Globalization;
using DataTier.Client.Requests;
using DataTier.Model;

namespace DataTier.Bench.Sdk;

/// <summary>
/// The same YCSB records as the HTTP generator's table <c>TABLE-ycsb</c> (key <c>userN</c>, ten
/// fields of a tenth of the item size), as SDK requests built before the clock starts.
/// </summary>
public sealed class YcsbRecords
{
    public const int Fields = 10;
    private const int ValueVariants = 16;

    private readonly string _table;
    private readonly string[] _setField;
    private readonly IReadOnlyDictionary<string, AttrValue>[] _values;
    private readonly IReadOnlyDictionary<string, AttrValue>[] _keys;
    private readonly int _fieldSize;

    public YcsbRecords(string table, int items, int itemSize)
    {
        _table = table;
        _fieldSize = itemSize / Fields;
        _keys = new IReadOnlyDictionary<string, AttrValue>[items];
        Reads = new GetItemRequest[items];
        for (var key = 0; key < items; key++)
        {
            _keys[key] = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("user" + key.ToString(CultureInfo.InvariantCulture)) };
            Reads[key] = new GetItemRequest { TableName = table, Key = _keys[key] };
        }
        _setField = Enumerable.Range(0, Fields).Select(f => $"SET field{f} = :v").ToArray();
        _values = Enumerable.Range(0, ValueVariants)
            .Select(v => (IReadOnlyDictionary<string, AttrValue>)new Dictionary<string, AttrValue> { [":v"] = AttrValue.FromS(new string((char)('a' + v), _fieldSize)) })
            .ToArray();
    }

    public GetItemRequest[] Reads { get; }

    /// <summary>YCSB's update: one field, chosen at random, set to a new value.</summary>
    public UpdateItemRequest Update(int key, Random random) => new()
    {
        TableName = _table,
        Key = _keys[key],
        UpdateExpression = _setField[random.Next(Fields)],
        ExpressionAttributeValues = _values[random.Next(ValueVariants)],
    };

    public PutItemRequest Put(int key)
    {
        var item = new Dictionary<string, AttrValue>(_keys[key]);
        for (var f = 0; f < Fields; f++) item["field" + f.ToString(CultureInfo.InvariantCulture)] = AttrValue.FromS(new string('x', _fieldSize));
        return new PutItemRequest { TableName = _table, Item = item };
    }
}
