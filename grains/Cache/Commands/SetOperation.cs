namespace DataTier.Cache.Commands;

/// <summary>SINTER, SUNION and SDIFF (and their STORE forms and SINTERCARD).</summary>
public enum SetOperation : byte
{
    Inter,
    Union,
    Diff,
}
