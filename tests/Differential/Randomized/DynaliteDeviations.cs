using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// Where dynalite answers a random request otherwise than DynamoDB does: requests not sent, and answer text brought
/// to one form. Each names the deviation; the project's answers are never changed to hide a difference of its own.
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
    /// A set in an error message's operand: dynalite prints its members bare (<c>{NS:2.5}</c>), the project as a list
    /// (<c>{NS:[2.5]}</c>); AWS prints Java's rendering, which neither reproduces (the value-rendering difference).
    /// An UPDATED_OLD or UPDATED_NEW answer with no attribute to return: dynalite sends an empty Attributes map, the
    /// project leaves the member out (as it and dynalite do for ALL_OLD of a new item).
    /// </summary>
    public static string Canonical(string text) =>
        SetInMessage().Replace(text, m => "{" + m.Groups[1].Value + ":" + m.Groups[2].Value + "}").Replace("\"Attributes\":{}", "", StringComparison.Ordinal);

    public static JsonObject KeyOf(JsonObject body) => (JsonObject)body["Key"]!.DeepClone();

    [GeneratedRegex(@"(REMOVE|DELETE)\s[^=]*?[\w#]+(\.|\[)")]
    private static partial Regex RemoveOrDeleteNested();

    [GeneratedRegex(@"\{(SS|NS|BS):\[([^\]]*)\]\}")]
    private static partial Regex SetInMessage();
}
