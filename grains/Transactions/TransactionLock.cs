using DataTier.Model;

namespace DataTier.Transactions;

/// <summary>
/// A prepared action of a transaction on one item, durable in the table's lock space until the
/// transaction is decided: the item's version when it was prepared, the version and image it gets
/// on commit (<see cref="NewItem"/> null deletes it), and whether it writes at all (a ConditionCheck does not).
/// </summary>
internal sealed record TransactionLock(
    Guid TransactionId,
    byte[] Position,
    long ExpectedVersion,
    long NewVersion,
    IReadOnlyDictionary<string, AttrValue>? NewItem,
    bool Writes,
    long PreparedAtMs)
{
    public IReadOnlyDictionary<string, AttrValue> Encode()
    {
        var record = new Dictionary<string, AttrValue>(StringComparer.Ordinal)
        {
            ["t"] = AttrValue.FromS(TransactionId.ToString("N")),
            ["e"] = AttrValue.FromN(ExpectedVersion),
            ["n"] = AttrValue.FromN(NewVersion),
            ["w"] = AttrValue.FromBool(Writes),
            ["p"] = AttrValue.FromN(PreparedAtMs),
        };
        if (NewItem is not null) record["i"] = AttrValue.FromM(NewItem);
        return record;
    }

    public static TransactionLock Decode(byte[] position, IReadOnlyDictionary<string, AttrValue> record) => new(
        Guid.ParseExact(record["t"].Text!, "N"),
        position,
        long.Parse(record["e"].Text!),
        long.Parse(record["n"].Text!),
        record.TryGetValue("i", out var item) ? item.Map : null,
        record["w"].Bool,
        long.Parse(record["p"].Text!));
}
