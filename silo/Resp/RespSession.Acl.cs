using System.Security.Cryptography;
using System.Text;
using DataTier.Cache;
using DataTier.Cache.Access;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>ACL: the checks of a restricted user's commands, keys and channels, and the ACL command.</summary>
public sealed partial class RespSession
{
    /// <summary>The permissions of this connection's user while they restrict it; null when it may do everything.</summary>
    private AclUser? _acl;

    private static readonly CacheReply NoKeyPermission = CacheReply.Error("NOPERM this user has no permissions to access one of the keys used as arguments");
    private static readonly CacheReply NoChannelPermission = CacheReply.Error("NOPERM this user has no permissions to access one of the channels used as arguments");

    /// <summary>Redis' refusal of a command the user may not run, or of a key or channel it may not use; null when allowed.</summary>
    private static CacheReply? Denied(AclUser acl, CommandSpec spec, byte[][] a) => AclCheck.Check(acl, spec, a) switch
    {
        null => null,
        { Reason: AclDenial.Command } d => CacheReply.Error($"NOPERM this user has no permissions to run the '{d.Subject}' command"),
        { Reason: AclDenial.Key } => NoKeyPermission,
        _ => NoChannelPermission,
    };

    /// <summary>Records a refusal in the silo's ACL LOG: what was refused, and where (in a transaction or not).</summary>
    private void LogDenial(AclUser acl, CommandSpec spec, byte[][] a)
    {
        if (AclCheck.Check(acl, spec, a) is not { } denial) return;
        var reason = denial.Reason switch { AclDenial.Command => "command", AclDenial.Key => "key", _ => "channel" };
        _services.AclLog.Add(reason, InTransaction ? "multi" : "toplevel", denial.Subject, User, ClientLine(this));
    }

    /// <summary>Records a failed login (AUTH or HELLO ... AUTH) in the silo's ACL LOG.</summary>
    private void LogFailedLogin(string user) => _services.AclLog.Add("auth", "toplevel", "AUTH", user, ClientLine(this));

    private static readonly string[] AclHelp =
    [
        "ACL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:", "CAT [<category>]", "DRYRUN <username> <command> [<arg> ...]",
        "GETUSER <username>", "LIST", "USERS", "WHOAMI", "LOG [<count> | RESET]", "GENPASS [<bits>]",
        "Users and their rules are configured with Cache:Users and Cache:UserAccess; SETUSER, DELUSER, LOAD and SAVE are not available.",
    ];

    private CacheReply Acl(byte[][] a)
    {
        var sub = Arg.Text(a[1]).ToLowerInvariant();
        var more = a.Length - 2;
        switch (sub)
        {
            case "whoami" when more == 0: return CacheReply.Bulk(User);
            case "users" when more == 0: return CacheReply.Array([.. _services.Access.Keys.Order(StringComparer.Ordinal).Select(CacheReply.Bulk)]);
            case "list" when more == 0:
                return CacheReply.Array([.. _services.Access.Values.OrderBy(u => u.Name, StringComparer.Ordinal)
                    .Select(u => CacheReply.Bulk($"user {u.Name} {u.Describe(Passwords(u.Name, hashes: true))}"))]);
            case "getuser" when more == 1:
                return _services.Access.TryGetValue(Arg.Text(a[2]), out var user) ? GetUser(user) : CacheReply.Nil;
            case "cat" when more == 0: return CacheReply.Array([.. AclCategories.Members.Keys.Select(CacheReply.Bulk)]);
            case "cat" when more == 1:
                return AclCategories.Members.TryGetValue(Arg.Text(a[2]).ToLowerInvariant(), out var members)
                    ? CacheReply.Array([.. members.Select(CacheReply.Bulk)])
                    : CacheReply.Error($"ERR Unknown category '{Arg.Text(a[2])}'");
            case "dryrun" when more >= 2: return DryRun(a);
            case "log" when more == 0: return _services.AclLog.Reply(10);
            case "log" when more == 1 && Arg.Is(a[2], "reset"):
                _services.AclLog.Reset();
                return CacheReply.Ok;
            case "log" when more == 1:
                return CacheNumbers.TryParseLong(a[2], out var count) ? _services.AclLog.Reply(Math.Max(count, 0)) : CacheErrors.NotInteger;
            case "genpass" when more <= 1: return GenPass(more == 1 ? a[2] : null);
            case "help" when more == 0: return CacheReply.Array([.. AclHelp.Select(CacheReply.Simple)]);
            case "setuser" or "deluser" or "load" or "save":
                return CacheReply.Error($"ERR ACL {sub.ToUpperInvariant()} is not available here: users and their rules are configured with Cache:Users and Cache:UserAccess");
            case "whoami" or "users" or "list" or "getuser" or "cat" or "dryrun" or "log" or "genpass" or "help":
                return CacheErrors.WrongArity("acl|" + sub);
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try ACL HELP.");
        }
    }

    /// <summary>ACL DRYRUN user command [arg ...]: whether the user could run the command, without running it.</summary>
    private CacheReply DryRun(byte[][] a)
    {
        var name = Arg.Text(a[2]);
        if (!_services.Access.TryGetValue(name, out var user)) return CacheReply.Error($"ERR User '{name}' not found");
        var command = a[3..];
        var spec = CommandTable.Find(command[0]);
        if (spec is null) return CacheReply.Error($"ERR Command '{Arg.Text(command[0])}' not found");
        if (!spec.AcceptsArgumentCount(command.Length)) return CacheReply.Error($"ERR wrong number of arguments for '{spec.Name}' command");
        return AclCheck.Check(user, spec, command) switch
        {
            null => CacheReply.Ok,
            { Reason: AclDenial.Command } d => CacheReply.Bulk($"This user has no permissions to run the '{d.Subject}' command"),
            { Reason: AclDenial.Key } d => CacheReply.Bulk($"This user has no permissions to access the '{d.Subject}' key"),
            var d => CacheReply.Bulk($"This user has no permissions to access the '{d.Value.Subject}' channel"),
        };
    }

    private CacheReply GetUser(AclUser user)
    {
        var flags = new List<CacheReply> { CacheReply.Bulk(user.Enabled ? "on" : "off") };
        var hashes = Passwords(user.Name, hashes: false);
        if (hashes.Length == 0) flags.Add(CacheReply.Bulk("nopass"));
        flags.Add(CacheReply.Bulk("sanitize-payload"));
        return CacheReply.Map(
        [
            CacheReply.Bulk("flags"), CacheReply.Array([.. flags]),
            CacheReply.Bulk("passwords"), CacheReply.Array(hashes.Length == 0 ? [] : [CacheReply.Bulk(hashes)]),
            CacheReply.Bulk("commands"), CacheReply.Bulk(user.CommandRules),
            CacheReply.Bulk("keys"), CacheReply.Bulk(string.Join(' ', user.Keys.Select(k => k.Describe()))),
            CacheReply.Bulk("channels"), CacheReply.Bulk(string.Join(' ', user.Channels.Select(c => "&" + Encoding.UTF8.GetString(c)))),
            CacheReply.Bulk("selectors"), CacheReply.Array([]),
        ]);
    }

    /// <summary>The SHA-256 of the user's password in hex (with <c>#</c> for ACL LIST), or nopass; empty for GETUSER when none.</summary>
    private string Passwords(string user, bool hashes)
    {
        var password = user == "default" ? _services.RequirePass : _services.Users.GetValueOrDefault(user, "");
        if (password.Length == 0) return hashes ? "nopass" : "";
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        return hashes ? "#" + hex : hex;
    }

    private static CacheReply GenPass(byte[]? bits)
    {
        var count = 256L;
        if (bits is not null && (!CacheNumbers.TryParseLong(bits, out count) || count is <= 0 or > 4096))
            return CacheReply.Error("ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096");
        return CacheReply.Bulk(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((int)((count + 7) / 8)))[..(int)((count + 3) / 4)]);
    }
}
