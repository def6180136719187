using System.Text;
using DataTier.Cache;

namespace DataTier.Silo.Resp;

/// <summary>
/// READONLY and READWRITE, and INFO's replication section. After READONLY, a pipeline's read-only
/// commands for a shard may be served by one of the shard's replicas (writes still go to the owner).
/// </summary>
public sealed partial class RespSession
{
    private CacheReply SetReadFromReplicas(bool enabled)
    {
        _pending.ReplicaReads = enabled ? _services.ReplicaReads : null;
        return CacheReply.Ok;
    }

    /// <summary>
    /// Redis' replication section for a cluster of shards: every silo is a master of the shards it
    /// owns; replica number k (slave{k-1}) stands for the k-th replicas of all shards, its offset the
    /// sum of their acknowledged sequence numbers and its lag the largest among them.
    /// </summary>
    private void AppendReplication(StringBuilder text, ShardInfo[] shards)
    {
        var configured = _services.CacheOptions.Replicas;
        var replicas = _services.ReplicaReads.Replicas;
        long offset = 0;
        var acked = new long[replicas];
        var lagMs = new long[replicas];
        var online = Enumerable.Repeat(true, replicas).ToArray();
        foreach (var shard in shards)
        {
            offset += shard.ReplicationSeq;
            for (var k = 0; k < replicas; k++)
            {
                var progress = shard.Replicas?.FirstOrDefault(p => p.Index == k + 1);
                if (progress is null)
                {
                    online[k] = false;
                    continue;
                }
                acked[k] += progress.AckedSeq;
                lagMs[k] = Math.Max(lagMs[k], progress.LagMs);
                online[k] &= progress.Online;
            }
        }
        text.Append("# Replication\r\nrole:master\r\n")
            .Append("connected_slaves:").Append(online.Count(o => o)).Append("\r\n");
        for (var k = 0; k < replicas; k++)
            text.Append("slave").Append(k).Append(":state=").Append(online[k] ? "online" : "sync")
                .Append(",offset=").Append(acked[k]).Append(",lag=").Append(lagMs[k] / 1000).Append(",lag_ms=").Append(lagMs[k]).Append("\r\n");
        text.Append("master_failover_state:no-failover\r\n")
            .Append("master_repl_offset:").Append(offset).Append("\r\n")
            .Append("replicas_per_shard:").Append(configured).Append("\r\n")
            .Append("replica_reads_served:").Append(_services.ReplicaReads.Served).Append("\r\n");
    }
}
