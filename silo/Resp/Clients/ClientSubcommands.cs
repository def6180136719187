using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp.Clients;

/// <summary>CLIENT's subcommands with Redis 7.0's arities (negative: at least), and its help.</summary>
public static class ClientSubcommands
{
    private static readonly Dictionary<string, int> Arities = new(StringComparer.Ordinal)
    {
        ["id"] = 2, ["getname"] = 2, ["setname"] = 3, ["setinfo"] = 4, ["info"] = 2, ["list"] = -2, ["kill"] = -3,
        ["pause"] = -3, ["unpause"] = 2, ["unblock"] = -3, ["reply"] = 3, ["no-evict"] = 3, ["no-touch"] = 3,
        ["getredir"] = 2, ["trackinginfo"] = 2, ["tracking"] = -3, ["caching"] = 3, ["help"] = 2,
    };

    /// <summary>The subcommand's arity, or null when the cache does not know it.</summary>
    public static int? Arity(string lowerName) => Arities.TryGetValue(lowerName, out var arity) ? arity : null;

    /// <summary>Commands whose first argument names a subcommand, shown as <c>name|sub</c> in CLIENT LIST's cmd.</summary>
    public static bool IsContainer(CommandId id) => id is CommandId.Client or CommandId.Config or CommandId.Acl or CommandId.Cluster
        or CommandId.Command or CommandId.Memory or CommandId.Script or CommandId.Object or CommandId.PubSub or CommandId.XInfo or CommandId.XGroup;

    public static readonly string[] Help =
    [
        "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CACHING (YES|NO)",
        "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
        "GETREDIR",
        "    Return the client ID we are redirecting to when tracking is enabled.",
        "GETNAME",
        "    Return the name of the current connection.",
        "ID",
        "    Return the ID of the current connection.",
        "INFO",
        "    Return information about the current client connection.",
        "KILL <ip:port>",
        "    Kill connection made from <ip:port>.",
        "KILL <option> <value> [<option> <value> [...]]",
        "    Kill connections. Options are:",
        "    * ADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made from the specified address",
        "    * LADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made to specified local address",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Kill connections by type.",
        "    * USER <username>",
        "      Kill connections authenticated by <username>.",
        "    * SKIPME (YES|NO)",
        "      Skip killing current connection (default: yes).",
        "LIST [options ...]",
        "    Return information about client connections. Options:",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Return clients of specified type.",
        "UNPAUSE",
        "    Stop the current client pause, resuming traffic.",
        "PAUSE <timeout> [WRITE|ALL]",
        "    Suspend all, or just write, clients for <timeout> milliseconds.",
        "REPLY (ON|OFF|SKIP)",
        "    Control the replies sent to the current connection.",
        "SETNAME <name>",
        "    Assign the name <name> to the current connection.",
        "UNBLOCK <clientid> [TIMEOUT|ERROR]",
        "    Unblock the specified blocked client.",
        "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
        "         [OPTIN] [OPTOUT] [NOLOOP]",
        "    Control server assisted client side caching.",
        "TRACKINGINFO",
        "    Report tracking status for the current connection.",
        "NO-EVICT (ON|OFF)",
        "    Protect current client connection from eviction.",
        "HELP",
        "    Prints this help.",
    ];
}
