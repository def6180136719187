using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// Attribute values of every type drawn from small pools, so that requests meet each other's values: numbers that are
/// equal but written differently, values at the edge of DynamoDB's number range, and now and then an invalid set.
/// </summary>
internal sealed class RandomValues(Random random)
{
    private static readonly string[] Strings = ["", "x", "ab", "abc", "a b", "ü", "10", "X"];
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "10", "1e1", "2.5", "0.1", "-3", "1.50", "1e10", "100", "-0.000001",
        "1234567890123456789012345678901234567", "9.9999999999999999999999999999999999999E+125", "-1E-130",
    ];
    private static readonly string[] Binaries = ["AQI=", "AA==", "/w==", "AQ==", "YWI="];
    public static readonly string[] TypeNames = ["S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS"];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double p) => random.NextDouble() < p;

    public int Next(int min, int maxExclusive) => random.Next(min, maxExclusive);

    /// <summary>A string; an empty one only where asked, since DynamoDB refuses it for an index key and dynalite (older) takes it.</summary>
    public JsonObject String(bool allowEmpty = true)
    {
        var s = Pick(Strings);
        return Typed("S", s.Length == 0 && !allowEmpty ? "e" : s);
    }

    /// <summary>A string, number or binary, never empty.</summary>
    public JsonObject Scalar() => random.Next(3) switch
    {
        0 => String(allowEmpty: false),
        1 => Number(),
        _ => Binary(),
    };

    public JsonObject Number() => Typed("N", Pick(Numbers));

    public JsonObject Binary() => Typed("B", Pick(Binaries));

    /// <summary>A value of any type; lists and maps nest to <paramref name="depth"/> more levels.</summary>
    public JsonObject Any(int depth = 2)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 20 => String(allowEmpty: depth < 2),
            < 45 => Number(),
            < 50 => Binary(),
            < 55 => new JsonObject { ["BOOL"] = Chance(0.5) },
            < 58 => new JsonObject { ["NULL"] = true },
            < 68 when depth > 0 => List(depth - 1),
            < 78 when depth > 0 => Map(depth - 1),
            < 86 => Set("SS", Strings, valid: depth < 2),
            < 94 => Set("NS", Numbers, valid: depth < 2),
            < 98 => Set("BS", Binaries, valid: depth < 2),
            _ => Number(),
        };
    }

    /// <summary>A scalar most of the time: what conditions compare with.</summary>
    public JsonObject Operand() => random.Next(10) switch
    {
        < 4 => String(),
        < 8 => Number(),
        8 => Binary(),
        _ => Any(1),
    };

    public JsonObject List(int depth)
    {
        var list = new JsonArray();
        for (var i = random.Next(4); i > 0; i--) list.Add(Any(depth));
        return new JsonObject { ["L"] = list };
    }

    public JsonObject Map(int depth)
    {
        var map = new JsonObject();
        foreach (var name in new[] { "x", "y", "n" })
            if (Chance(0.45)) map[name] = Any(depth);
        return new JsonObject { ["M"] = map };
    }

    /// <summary>A set of one to three members; rarely empty or with a member twice, which DynamoDB refuses.</summary>
    public JsonObject AnySet() => random.Next(10) switch
    {
        < 4 => Set("SS", Strings),
        < 8 => Set("NS", Numbers),
        _ => Set("BS", Binaries),
    };

    /// <summary>
    /// <paramref name="valid"/>: neither empty nor with an empty or repeated member, as in a list or map, where dynalite (older)
    /// takes such sets and DynamoDB refuses them.
    /// </summary>
    private JsonObject Set(string type, string[] pool, bool valid = false)
    {
        var members = new JsonArray();
        if (!valid && Chance(0.02)) return new JsonObject { [type] = members };
        var chosen = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var member = Pick(pool);
            if (valid && member.Length == 0) continue;
            if (!chosen.Contains(member) || !valid && Chance(0.05)) chosen.Add(member);
        }
        foreach (var m in chosen) members.Add(m);
        return new JsonObject { [type] = members };
    }

    private static JsonObject Typed(string type, string value) => new() { [type] = value };
}
