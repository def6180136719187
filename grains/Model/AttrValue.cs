namespace DataTier.Model;

/// <summary>
/// One DynamoDB attribute value. Immutable: instances are shared freely between requests,
/// the partition cache and grain messages.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class AttrValue : IEquatable<AttrValue>
{
    public static readonly AttrValue Null = new(AttrType.NULL, null, null, false, null, null, null, null);
    public static readonly AttrValue True = new(AttrType.BOOL, null, null, true, null, null, null, null);
    public static readonly AttrValue False = new(AttrType.BOOL, null, null, false, null, null, null, null);

    [Id(0)] public AttrType Type { get; }
    /// <summary>S value, or N value in canonical form.</summary>
    [Id(1)] public string? Text { get; }
    [Id(2)] public byte[]? Bytes { get; }
    [Id(3)] public bool Bool { get; }
    [Id(4)] public IReadOnlyList<AttrValue>? List { get; }
    [Id(5)] public IReadOnlyDictionary<string, AttrValue>? Map { get; }
    /// <summary>SS members, or NS members in canonical form.</summary>
    [Id(6)] public IReadOnlyList<string>? TextSet { get; }
    [Id(7)] public IReadOnlyList<byte[]>? BytesSet { get; }

    private AttrValue(AttrType type, string? text, byte[]? bytes, bool b, IReadOnlyList<AttrValue>? list,
        IReadOnlyDictionary<string, AttrValue>? map, IReadOnlyList<string>? textSet, IReadOnlyList<byte[]>? bytesSet)
    {
        Type = type; Text = text; Bytes = bytes; Bool = b; List = list; Map = map; TextSet = textSet; BytesSet = bytesSet;
    }

    public static AttrValue FromS(string s) => new(AttrType.S, s, null, false, null, null, null, null);
    public static AttrValue FromN(DynamoNumber n) => new(AttrType.N, n.ToString(), null, false, null, null, null, null);
    /// <summary>Parses and canonicalises a number; throws <see cref="FormatException"/> with DynamoDB's message.</summary>
    public static AttrValue FromN(string n) => FromN(DynamoNumber.Parse(n));
    public static AttrValue FromN(long n) => FromN(DynamoNumber.FromInt64(n));
    public static AttrValue FromB(byte[] b) => new(AttrType.B, null, b, false, null, null, null, null);
    public static AttrValue FromBool(bool b) => b ? True : False;
    public static AttrValue FromL(IReadOnlyList<AttrValue> l) => new(AttrType.L, null, null, false, l, null, null, null);
    public static AttrValue FromM(IReadOnlyDictionary<string, AttrValue> m) => new(AttrType.M, null, null, false, null, m, null, null);
    public static AttrValue FromSS(IReadOnlyList<string> ss) => new(AttrType.SS, null, null, false, null, null, ss, null);
    /// <summary>Members must already be canonical number strings.</summary>
    public static AttrValue FromNS(IReadOnlyList<string> ns) => new(AttrType.NS, null, null, false, null, null, ns, null);
    public static AttrValue FromBS(IReadOnlyList<byte[]> bs) => new(AttrType.BS, null, null, false, null, null, null, bs);

    public DynamoNumber Number => Type == AttrType.N ? DynamoNumber.Parse(Text!) : throw new InvalidOperationException("Not a number");

    public bool Equals(AttrValue? other)
    {
        if (other is null || other.Type != Type) return false;
        if (ReferenceEquals(this, other)) return true;
        switch (Type)
        {
            case AttrType.S: return Text == other.Text;
            case AttrType.N: return DynamoNumber.Parse(Text!) == DynamoNumber.Parse(other.Text!);
            case AttrType.B: return Bytes.AsSpan().SequenceEqual(other.Bytes);
            case AttrType.BOOL: return Bool == other.Bool;
            case AttrType.NULL: return true;
            case AttrType.L:
                if (List!.Count != other.List!.Count) return false;
                for (var i = 0; i < List.Count; i++) if (!List[i].Equals(other.List[i])) return false;
                return true;
            case AttrType.M:
                if (Map!.Count != other.Map!.Count) return false;
                foreach (var (k, v) in Map) if (!other.Map.TryGetValue(k, out var ov) || !v.Equals(ov)) return false;
                return true;
            case AttrType.SS:
                return TextSet!.Count == other.TextSet!.Count && new HashSet<string>(TextSet).SetEquals(other.TextSet);
            case AttrType.NS:
                if (TextSet!.Count != other.TextSet!.Count) return false;
                var mine = new HashSet<DynamoNumber>(TextSet.Select(DynamoNumber.Parse));
                return other.TextSet.All(n => mine.Contains(DynamoNumber.Parse(n)));
            case AttrType.BS:
                if (BytesSet!.Count != other.BytesSet!.Count) return false;
                var set = new HashSet<string>(BytesSet.Select(Convert.ToBase64String));
                return other.BytesSet.All(b => set.Contains(Convert.ToBase64String(b)));
            default: return false;
        }
    }

    public override bool Equals(object? obj) => obj is AttrValue v && Equals(v);

    public override int GetHashCode() => Type switch
    {
        AttrType.S => HashCode.Combine(Type, Text),
        AttrType.N => HashCode.Combine(Type, DynamoNumber.Parse(Text!)),
        AttrType.BOOL => HashCode.Combine(Type, Bool),
        _ => (int)Type,
    };

    /// <summary>As AWS prints a value in its messages (Java's rendering: <c>{BOOL:true}</c>, <c>{NULL:true}</c>).</summary>
    public override string ToString() => Type switch
    {
        AttrType.S => $"{{S:{Text}}}",
        AttrType.N => $"{{N:{Text}}}",
        AttrType.B => $"{{B:{Convert.ToBase64String(Bytes!)}}}",
        AttrType.BOOL => Bool ? "{BOOL:true}" : "{BOOL:false}",
        AttrType.NULL => "{NULL:true}",
        AttrType.L => $"{{L:[{string.Join(",", List!)}]}}",
        AttrType.M => $"{{M:{{{string.Join(",", Map!.Select(kv => $"{kv.Key}={kv.Value}"))}}}}}",
        AttrType.SS or AttrType.NS => $"{{{Type}:[{string.Join(",", TextSet!)}]}}",
        _ => $"{{BS:[{string.Join(",", BytesSet!.Select(Convert.ToBase64String))}]}}",
    };
}
