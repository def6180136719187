namespace DataTier.Cache.Scripting.Functions;

/// <summary>FUNCTION RESTORE's policy toward the libraries already loaded.</summary>
public enum RestorePolicy
{
    Append,
    Replace,
    Flush,
}
