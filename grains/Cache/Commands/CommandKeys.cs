using DataTier.Cache.Access;

namespace DataTier.Cache.Commands;

/// <summary>
/// The keys a command names, wherever they stand (after numkeys, after STREAMS, after a subcommand): what MULTI and
/// scripts route by. The ACL's key rules (<see cref="AclKeys"/>) read the same places, except XGROUP's and XINFO's.
/// </summary>
public static class CommandKeys
{
    public static IEnumerable<byte[]> Of(CommandSpec spec, byte[][] a) =>
        spec.Id is CommandId.XGroup or CommandId.XInfo ? (a.Length > 2 ? [a[2]] : []) : AclKeys.Of(spec, a);
}
