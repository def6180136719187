namespace DataTier.Cache.Scripting.Functions;

/// <summary>Redis' names of the function flags, as scripts give them and FUNCTION LIST shows them.</summary>
public static class FunctionFlagNames
{
    public static readonly (FunctionFlags Flag, string Name)[] All =
    [
        (FunctionFlags.NoWrites, "no-writes"), (FunctionFlags.AllowOom, "allow-oom"), (FunctionFlags.AllowStale, "allow-stale"),
        (FunctionFlags.NoCluster, "no-cluster"), (FunctionFlags.AllowCrossSlotKeys, "allow-cross-slot-keys"),
    ];

    public static IEnumerable<string> Of(FunctionFlags flags) => All.Where(f => flags.HasFlag(f.Flag)).Select(f => f.Name);
}
