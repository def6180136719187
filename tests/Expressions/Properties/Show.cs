using DataTier.Model;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>Readable text for counterexamples.</summary>
public static class Show
{
    public static string Item(IReadOnlyDictionary<string, AttrValue>? item) =>
        item is null ? "(no item)" : "{" + string.Join(", ", item.Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
