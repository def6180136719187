namespace DataTier.Cache.Access;

/// <summary>
/// What a command does with a key, as Redis' key specs say it for ACL checks: reading its value (ACCESS) needs a
/// <c>%R~</c> pattern, changing it (INSERT, UPDATE, DELETE) a <c>%W~</c> one, and a key neither read nor changed
/// (EXISTS, TYPE, STRLEN, ...) any pattern that matches it.
/// </summary>
[Flags]
public enum KeyAccess : byte
{
    Any = 0,
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,
}
