namespace DataTier.Cache.Scripting.Functions;

/// <summary>The flags a function may be registered with, in the order FUNCTION LIST names them.</summary>
[Flags]
public enum FunctionFlags
{
    None = 0,
    NoWrites = 1,
    AllowOom = 2,
    AllowStale = 4,
    NoCluster = 8,
    AllowCrossSlotKeys = 16,
}
