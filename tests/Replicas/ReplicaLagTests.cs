using DataTier.Replicas;
using Xunit;

namespace DataTier.Tests.Replicas;

public class ReplicaLagTests
{
    [Fact]
    public void A_caught_up_replica_has_no_lag()
    {
        var lag = new ReplicaLag("t");
        lag.Update(applied: 42, knownHead: 42, newestAppliedMs: 1_000);
        Assert.Equal(0, lag.RecordsBehind);
        Assert.Equal(0, lag.MillisecondsBehind(60_000));
    }

    [Fact]
    public void A_lagging_replica_reports_records_behind_and_the_age_of_its_newest_applied_record()
    {
        var lag = new ReplicaLag("t");
        lag.Update(applied: 40, knownHead: 45, newestAppliedMs: 1_000);
        Assert.Equal(5, lag.RecordsBehind);
        Assert.Equal(1_500, lag.MillisecondsBehind(2_500));
    }
}
