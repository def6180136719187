using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// Where dynalite answers a random request otherwise than DynamoDB does: requests not sent, and answer text brought
/// to one form. Each names the deviation; the project's answers are never changed to hide a difference of its own.
/// The generator also avoids, each explained where it does so: ConsistentRead on a Scan with capacity or of a global
/// index (dynalite's Scan drops the parameter), ReturnConsumedCapacity on writes to indexed tables (dynalite does not
/// charge index writes), ConditionalOperator OR joining conditions (dynalite stops at the first failure), Expected
/// Exists true with a Value (dynalite ignores the value), EQ and NE of documents, BOOL or NULL in legacy conditions
/// (dynalite predates documents), ConditionalOperator in a write mixing legacy and expression parameters (dynalite
/// leaves it out of the list it refuses), and ALL_PROJECTED_ATTRIBUTES on a table (AWS allows it on indexes only).
/// </summary>
internal static partial class DynaliteDeviations
{
    /// <summary>
    /// An UpdateItem with a REMOVE or DELETE of a nested path, on an item that does not exist: DynamoDB ignores the
    /// action (and makes the item with its key), dynalite refuses the path as invalid for update. Whether the item
    /// exists is asked of dynalite; such requests are left out of the sequence.
    /// </summary>
    public static bool MayRemoveNestedFromMissingItem(RandomRequest request) =>
        request.Operation == "UpdateItem" && request.Body["UpdateExpression"]?.GetValue<string>() is { } expression
        && RemoveOrDeleteNested().IsMatch(expression);

    /// <summary>
    /// attribute_type, IN or BETWEEN (in an expression or a legacy condition) where the table may hold a BOOL false or an
    /// empty string or binary: dynalite's comparison first tests the value's truth (<c>if (!attrVal) return false</c>), so
    /// it finds <c>attribute_type(a, :bool)</c> false of <c>{BOOL: false}</c> and <c>a IN (:empty)</c> false of
    /// <c>{S: ""}</c>, where DynamoDB finds both true. The table is read from dynalite; such requests are left out while
    /// it holds such a value (<see cref="HoldsFalsyScalar"/>).
    /// </summary>
    public static bool MayCompareFalsyValue(RandomRequest request) =>
        request.Body["TableName"] is not null && FalsyComparison().IsMatch(request.Body.ToJsonString());

    /// <summary>
    /// A Query of an index from a start key whose index attributes other items share: DynamoDB leaves the order of equal
    /// index keys unspecified, dynalite orders them by a hash of the table key and the project by the table key, so which
    /// of them come after the start key differs. Attributes of the table's key are left out of the comparison (an index
    /// keyed on one of them too ties less often, never more), so the test is conservative.
    /// </summary>
    public static bool StartsAmongEqualIndexKeys(JsonObject request, JsonArray items)
    {
        if (request["IndexName"] is null || request["ExclusiveStartKey"] is not JsonObject start) return false;
        var indexAttributes = start.Where(p => p.Key is not ("pk" or "sk")).ToList();
        return items.OfType<JsonObject>().Any(item =>
            !(JsonNode.DeepEquals(item["pk"], start["pk"]) && JsonNode.DeepEquals(item["sk"], start["sk"]))
            && indexAttributes.All(p => JsonNode.DeepEquals(item[p.Key], p.Value)));
    }

    /// <summary>
    /// A string set holding the empty string twice: dynalite's duplicate search returns the member found twice and its
    /// caller tests that for truth, so a duplicate <c>""</c> reads as none and dynalite accepts the set DynamoDB refuses
    /// ("Input collection [, ] contains duplicates."). Such requests are left out.
    /// </summary>
    public static bool HoldsEmptyStringTwice(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => p.Key == "SS" && p.Value is JsonArray members && members.Count(m => m?.GetValue<string>() == "") > 1
            || HoldsEmptyStringTwice(p.Value)),
        JsonArray a => a.Any(HoldsEmptyStringTwice),
        _ => false,
    };

    public static bool HoldsFalsyScalar(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => p.Key == "BOOL" && p.Value is JsonValue b && !b.GetValue<bool>()
            || p.Key is "S" or "B" && p.Value is JsonValue v && v.GetValue<string>().Length == 0
            || HoldsFalsyScalar(p.Value)),
        JsonArray a => a.Any(HoldsFalsyScalar),
        _ => false,
    };

    /// <summary>
    /// A set in an error message's operand: dynalite prints its members bare (<c>{NS:2.5}</c>), the project as a list
    /// (<c>{NS:[2.5]}</c>); AWS prints Java's rendering, which neither reproduces (the value-rendering difference).
    /// An UPDATED_OLD or UPDATED_NEW answer with no attribute to return: dynalite sends an empty Attributes map, the
    /// project leaves the member out (as it and dynalite do for ALL_OLD of a new item).
    /// A list or map in an error message's operand (BETWEEN's bounds): dynalite prints JavaScript's
    /// <c>[object Object]</c> for its content, a bug of its own; both sides print the content as <c>…</c>.
    /// </summary>
    public static string Canonical(string text) =>
        DocumentsInMessage(SetInMessage().Replace(text, m => "{" + m.Groups[1].Value + ":" + m.Groups[2].Value + "}"))
            .Replace("\"Attributes\":{},", "", StringComparison.Ordinal).Replace(",\"Attributes\":{}", "", StringComparison.Ordinal)
            .Replace("\"Attributes\":{}", "", StringComparison.Ordinal);

    private static string DocumentsInMessage(string text)
    {
        foreach (var type in new[] { "L", "M" })
        {
            var marker = "AttributeValue: {" + type + ":";
            for (var start = text.IndexOf(marker, StringComparison.Ordinal); start >= 0; start = text.IndexOf(marker, start + 1, StringComparison.Ordinal))
            {
                var open = start + marker.Length - 1 - type.Length - 1;
                var end = MatchingBrace(text, open);
                if (end < 0) break;
                text = text[..(start + marker.Length)] + "…" + text[end..];
            }
        }
        return text;
    }

    /// <summary>The index of the brace closing the one at <paramref name="open"/>, counting brackets and braces alike.</summary>
    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] is '{' or '[') depth++;
            else if (text[i] is '}' or ']' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>
    /// An UpdateItem that may add numbers (ADD, + or -) where the request or the item holds an extreme number (over 20
    /// significant digits, or a magnitude past 1e±20): the sum may need more than DynamoDB's 38 significant digits,
    /// which DynamoDB refuses ("Attempting to store more than 38 significant digits in a Number", "Number overflow…")
    /// and dynalite stores exactly. The item is asked of dynalite; such requests are left out of the sequence.
    /// </summary>
    public static bool MayAddNumbers(RandomRequest request) =>
        request.Operation == "UpdateItem" && (request.Body["UpdateExpression"]?.GetValue<string>() is { } expression
            && (expression.Contains('+') || expression.Contains('-') || expression.Contains("ADD", StringComparison.OrdinalIgnoreCase))
            || request.Body["AttributeUpdates"] is JsonObject updates && updates.Any(u => u.Value?["Action"]?.GetValue<string>() == "ADD"));

    public static bool HoldsExtremeNumber(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => p.Key == "N" && p.Value is JsonValue v && IsExtreme(v.GetValue<string>()) || HoldsExtremeNumber(p.Value)),
        JsonArray a => a.Any(HoldsExtremeNumber),
        _ => false,
    };

    /// <summary>Over 20 significant digits, or a leading digit's magnitude past 10^±20, written with an exponent or without.</summary>
    private static bool IsExtreme(string number)
    {
        var e = number.IndexOfAny(['e', 'E']);
        var mantissa = (e < 0 ? number : number[..e]).TrimStart('-', '+');
        var exponent = e < 0 ? 0 : int.Parse(number[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        if (point < 0) point = mantissa.Length;
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var first = digits.IndexOfAny(NonZeroDigits);
        if (first < 0) return false;
        var last = digits.LastIndexOfAny(NonZeroDigits);
        return last - first + 1 > 20 || Math.Abs(point - first + exponent) > 20;
    }

    private static readonly char[] NonZeroDigits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

    /// <summary>
    /// A Query or Scan that reads nothing: dynalite reports 0 capacity units, DynamoDB "the minimum read capacity units
    /// according to the type of read" (its Query reference), 0.5 or, for a consistent read, 1; the same for an index it
    /// reads nothing from. dynalite's zeros are raised to that minimum (the table's own share stays 0 when an index is read).
    /// </summary>
    public static PeerResponse WithMinimumReadCapacity(PeerResponse answer, string operation, JsonObject request)
    {
        if (operation is not ("Query" or "Scan") || answer.Body?["ConsumedCapacity"] is not JsonObject) return answer;
        var body = answer.Body.DeepClone();
        var consumed = body["ConsumedCapacity"]!.AsObject();
        var minimum = request["ConsistentRead"]?.GetValue<bool>() == true ? 1.0 : 0.5;
        RaiseZero(consumed, minimum);
        if (request["IndexName"] is null && consumed["Table"] is JsonObject table) RaiseZero(table, minimum);
        foreach (var kind in new[] { "GlobalSecondaryIndexes", "LocalSecondaryIndexes" })
            foreach (var (_, index) in consumed[kind] as JsonObject ?? [])
                RaiseZero(index!.AsObject(), minimum);
        return answer with { Raw = body.ToJsonString(), Body = body };
    }

    private static void RaiseZero(JsonObject capacity, double minimum)
    {
        if (capacity["CapacityUnits"]?.GetValue<double>() == 0) capacity["CapacityUnits"] = minimum;
    }

    public static JsonObject KeyOf(JsonObject body) => (JsonObject)body["Key"]!.DeepClone();

    [GeneratedRegex(@"(REMOVE|DELETE)\s[^=]*?[\w#]+(\.|\[)")]
    private static partial Regex RemoveOrDeleteNested();

    [GeneratedRegex(@"attribute_type\(|\bIN \(|\bBETWEEN\b|""ComparisonOperator"":""(IN|BETWEEN)""")]
    private static partial Regex FalsyComparison();

    [GeneratedRegex(@"\{(SS|NS|BS):\[([^\]]*)\]\}")]
    private static partial Regex SetInMessage();
}
