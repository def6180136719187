using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>
/// CLUSTER, when the endpoint runs in cluster mode (<c>Endpoints:Resp:ClusterMode</c>): the topology cluster clients
/// read (SLOTS, SHARDS, NODES, INFO, MYID, REPLICAS), and KEYSLOT, COUNTKEYSINSLOT and GETKEYSINSLOT. The topology
/// follows the silos, so the subcommands that change it (ADDSLOTS, MEET, FAILOVER, ...) are not served.
/// </summary>
public sealed partial class RespSession
{
    private static readonly CacheReply ClusterDisabled = CacheReply.Error("ERR This instance has cluster support disabled");

    private static readonly string[] ClusterHelp =
    [
        "CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "COUNTKEYSINSLOT <slot>", "    Return the number of keys in <slot>.",
        "GETKEYSINSLOT <slot> <count>", "    Return key names stored by current node in a slot.",
        "INFO", "    Return information about the cluster.",
        "KEYSLOT <key>", "    Return the hash slot for <key>.",
        "MYID", "    Return the node id.",
        "NODES", "    Return cluster configuration seen by node. Output format:",
        "    <id> <ip:port@bus-port> <flags> <master> <pings> <pongs> <epoch> <link> <slot> ...",
        "REPLICAS <node-id>", "    Return <node-id> replicas.",
        "SLOTS", "    Return information about slots range mappings. Each range is made of:",
        "    start, end, master and replicas IP addresses, ports and ids",
        "SHARDS", "    Return information about slot range mappings and the nodes associated with them.",
        "HELP", "    Print this help.",
    ];

    /// <summary>The subcommands served, with the number of arguments each takes.</summary>
    private static readonly Dictionary<string, int> ClusterSubcommands = new(StringComparer.Ordinal)
    {
        ["keyslot"] = 1, ["countkeysinslot"] = 1, ["getkeysinslot"] = 2, ["myid"] = 0, ["info"] = 0, ["slots"] = 0, ["shards"] = 0,
        ["nodes"] = 0, ["replicas"] = 1, ["slaves"] = 1, ["help"] = 0,
    };

    private async Task<CacheReply> ClusterAsync(byte[][] a)
    {
        var sub = Arg.Text(a[1]).ToLowerInvariant();
        if (!ClusterSubcommands.TryGetValue(sub, out var arguments))
        {
            // Redis' other subcommands (ADDSLOTS, MEET, ...) exist in a standalone Redis too, where cluster support is off.
            return !_services.Endpoint.ClusterMode && DataTier.Cache.Access.AclRules.Universe.Contains("cluster|" + sub)
                ? ClusterDisabled
                : CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try CLUSTER HELP.");
        }
        if (a.Length - 2 != arguments) return CacheErrors.WrongArity("cluster|" + sub);
        if (!_services.Endpoint.ClusterMode) return ClusterDisabled;
        switch (sub)
        {
            case "keyslot": return CacheReply.Int(SlotHash.SlotOf(a[2]));
            case "countkeysinslot":
                if (!CacheNumbers.TryParseLong(a[2], out var slot)) return CacheErrors.NotInteger;
                if (slot is < 0 or >= CacheSlots.SlotCount) return CacheReply.Error("ERR Invalid slot");
                return await KeysInSlotAsync(slot, -1);
            case "getkeysinslot":
                if (!CacheNumbers.TryParseLong(a[2], out slot) || !CacheNumbers.TryParseLong(a[3], out var count)) return CacheErrors.NotInteger;
                if (slot is < 0 or >= CacheSlots.SlotCount || count < 0) return CacheReply.Error("ERR Invalid slot or number of keys");
                return await KeysInSlotAsync(slot, count);
            case "myid": return _services.ClusterNodes.Self is { } self ? CacheReply.Bulk(self.Id) : ClusterDisabled;
            case "help": return CacheReply.Array([.. ClusterHelp.Select(CacheReply.Simple)]);
        }
        if (await ClusterViewAsync() is not { } view) return ClusterDisabled;
        switch (sub)
        {
            case "info": return CacheReply.Verbatim(view.InfoText());
            case "slots": return view.Slots();
            case "shards": return view.Shards();
            case "nodes": return CacheReply.Verbatim(view.NodesText());
            default:
                var id = Arg.Text(a[2]);
                return view.Nodes.Any(n => n.Id == id) ? CacheReply.EmptyArray : CacheReply.Error($"ERR Unknown node {id}");
        }
    }

    /// <summary>The cluster as this silo sees it; null while this silo's endpoint is not listening yet.</summary>
    private async Task<ClusterView?> ClusterViewAsync()
    {
        if (_services.ClusterNodes.Self is not { } self) return null;
        var nodes = await _services.ClusterNodes.OfAsync(_services.Topology.Silos());
        return ClusterView.Of(self, _services.Topology.Ranges(), nodes);
    }

    private Task<CacheReply> KeysInSlotAsync(long slot, long max) => _router.Execute(CacheSlots.ShardOf((int)slot),
        new ShardCommand(CommandId.KeysInSlot, ["KEYSINSLOT"u8.ToArray(), CacheNumbers.ToBytes(slot), CacheNumbers.ToBytes(max)])).AsTask();
}
