using System.Text;
using DataTier.Cache.Commands;

namespace DataTier.Cache.Access;

/// <summary>Whether a user may run a command with its arguments: the command (or subcommand) itself, then its keys, then its channels.</summary>
public static class AclCheck
{
    /// <summary>What of a command the user may not run or use, first found: the command, a key or a channel; null when allowed.</summary>
    public static (AclDenial Reason, string Subject)? Check(AclUser acl, CommandSpec spec, byte[][] a)
    {
        var name = AclName(spec, a);
        // What a client may run before it logs in (AUTH, HELLO, RESET, QUIT) no rule takes away, as in Redis.
        if (!spec.Flags.HasFlag(CommandFlags.NoAuth) && !acl.MayRun(name)) return (AclDenial.Command, name);
        foreach (var (key, access) in AclKeys.Of(spec, a))
            if (!acl.MayAccess(key, access.HasFlag(KeyAccess.Read), access.HasFlag(KeyAccess.Write))) return (AclDenial.Key, Encoding.UTF8.GetString(key));
        switch (spec.Id)
        {
            case CommandId.Publish or CommandId.SPublish when !acl.MayUseChannel(a[1], isPattern: false):
                return (AclDenial.Channel, Encoding.UTF8.GetString(a[1]));
            case CommandId.Subscribe or CommandId.PSubscribe or CommandId.SSubscribe:
                for (var i = 1; i < a.Length; i++)
                    if (!acl.MayUseChannel(a[i], isPattern: spec.Id == CommandId.PSubscribe)) return (AclDenial.Channel, Encoding.UTF8.GetString(a[i]));
                break;
        }
        return null;
    }

    /// <summary>Commands with subcommands (CLIENT, CONFIG, ACL, ...), whose ACL names are <c>container|sub</c>.</summary>
    private static readonly HashSet<string> Containers =
        AclRules.Universe.Where(c => c.Contains('|')).Select(c => c[..c.IndexOf('|')]).ToHashSet(StringComparer.Ordinal);

    /// <summary>A command's ACL name: <c>container|sub</c> for a known subcommand of a container command.</summary>
    public static string AclName(CommandSpec spec, byte[][] a)
    {
        if (a.Length < 2 || a[1].Length > 32 || !Containers.Contains(spec.Name)) return spec.Name;
        var sub = spec.Name + "|" + Arg.Text(a[1]).ToLowerInvariant();
        return AclRules.Universe.Contains(sub) ? sub : spec.Name;
    }
}
