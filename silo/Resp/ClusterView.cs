using System.Text;
using DataTier.Cache;
using DataTier.Cache.Topology;

namespace DataTier.Silo.Resp;

/// <summary>
/// The cluster as CLUSTER SLOTS, SHARDS, NODES and INFO describe it to clients: each slot range with the node of its
/// owner and those of its replicas. A range whose owner announces no endpoint is given to this node, which serves
/// every key (any silo does, by forwarding to the owner).
/// </summary>
public sealed class ClusterView
{
    private ClusterView(CacheNode self, List<(int Start, int End, CacheNode Master, CacheNode[] Replicas)> ranges, List<CacheNode> nodes)
    {
        Self = self;
        Ranges = ranges;
        Nodes = nodes;
    }

    public CacheNode Self { get; }

    public IReadOnlyList<(int Start, int End, CacheNode Master, CacheNode[] Replicas)> Ranges { get; }

    /// <summary>Every node, this one first.</summary>
    public IReadOnlyList<CacheNode> Nodes { get; }

    public static ClusterView Of(CacheNode self, IReadOnlyList<SlotRange> ranges, IReadOnlyDictionary<SiloAddress, CacheNode> nodes)
    {
        var described = new List<(int, int, CacheNode, CacheNode[])>();
        foreach (var range in ranges)
        {
            var master = nodes.GetValueOrDefault(range.Silos[0]) ?? self;
            var replicas = range.Silos.Skip(1).Select(nodes.GetValueOrDefault).OfType<CacheNode>().Where(n => n.Id != master.Id).ToArray();
            described.Add((range.Start, range.End, master, replicas));
        }
        var all = new List<CacheNode> { self };
        all.AddRange(nodes.Values.Where(n => n.Id != self.Id).OrderBy(n => n.Id, StringComparer.Ordinal));
        return new ClusterView(self, described, all);
    }

    public CacheReply Slots() => CacheReply.Array([.. Ranges.Select(r =>
        CacheReply.Array([CacheReply.Int(r.Start), CacheReply.Int(r.End), SlotNode(r.Master), .. r.Replicas.Select(SlotNode)]))]);

    private static CacheReply SlotNode(CacheNode node) =>
        CacheReply.Array([CacheReply.Bulk(node.Host), CacheReply.Int(node.Port), CacheReply.Bulk(node.Id), CacheReply.EmptyMap]);

    /// <summary>One shard per owner and replicas: the ranges they serve, then their nodes.</summary>
    public CacheReply Shards()
    {
        var shards = Ranges.GroupBy(r => string.Join(",", [r.Master.Id, .. r.Replicas.Select(n => n.Id)]));
        return CacheReply.Array([.. shards.Select(group =>
        {
            var first = group.First();
            var slots = group.SelectMany(r => new[] { CacheReply.Int(r.Start), CacheReply.Int(r.End) }).ToArray();
            CacheReply[] nodes = [ShardNode(first.Master, "master"), .. first.Replicas.Select(n => ShardNode(n, "replica"))];
            return CacheReply.Map([CacheReply.Bulk("slots"), CacheReply.Array(slots), CacheReply.Bulk("nodes"), CacheReply.Array(nodes)]);
        })]);
    }

    private static CacheReply ShardNode(CacheNode node, string role) => CacheReply.Map(
    [
        CacheReply.Bulk("id"), CacheReply.Bulk(node.Id), CacheReply.Bulk("port"), CacheReply.Int(node.Port), CacheReply.Bulk("ip"), CacheReply.Bulk(node.Host),
        CacheReply.Bulk("endpoint"), CacheReply.Bulk(node.Host), CacheReply.Bulk("role"), CacheReply.Bulk(role),
        CacheReply.Bulk("replication-offset"), CacheReply.Int(0), CacheReply.Bulk("health"), CacheReply.Bulk("online"),
    ]);

    /// <summary>
    /// One line per node, with the slots it owns. A silo is the owner of some ranges and a replica of others, which a
    /// Redis node cannot be: every node is listed as a master, and the replicas are in CLUSTER SLOTS and SHARDS only.
    /// </summary>
    public string NodesText()
    {
        var text = new StringBuilder();
        foreach (var node in Nodes)
        {
            text.Append(node.Id).Append(' ').Append(node.Host).Append(':').Append(node.Port).Append('@').Append(node.BusPort)
                .Append(node.Id == Self.Id ? " myself,master" : " master").Append(" - 0 0 0 connected");
            foreach (var r in Ranges.Where(r => r.Master.Id == node.Id))
                text.Append(' ').Append(r.Start == r.End ? $"{r.Start}" : $"{r.Start}-{r.End}");
            text.Append('\n');
        }
        return text.ToString();
    }

    public string InfoText() =>
        "cluster_state:ok\r\n" +
        $"cluster_slots_assigned:{CacheSlots.SlotCount}\r\n" +
        $"cluster_slots_ok:{CacheSlots.SlotCount}\r\n" +
        "cluster_slots_pfail:0\r\n" +
        "cluster_slots_fail:0\r\n" +
        $"cluster_known_nodes:{Nodes.Count}\r\n" +
        $"cluster_size:{Ranges.Select(r => r.Master.Id).Distinct().Count()}\r\n" +
        "cluster_current_epoch:0\r\n" +
        "cluster_my_epoch:0\r\n" +
        "cluster_stats_messages_sent:0\r\n" +
        "cluster_stats_messages_received:0\r\n" +
        "total_cluster_links_buffer_limit_exceeded:0\r\n";
}
