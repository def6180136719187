using DataTier.Indexes;
using DataTier.Tests.Cache;
using Xunit;

namespace DataTier.Tests.Indexes;

/// <summary>The lag gauges as feeders report to them: records left and the age of the oldest, summed per table and index.</summary>
public class IndexLagMetricsTests
{
    [Fact]
    public void Gauges_sum_the_records_left_and_age_the_oldest_per_table_and_index()
    {
        var clock = new ManualTimeProvider();
        using var metrics = new IndexLagMetrics(clock);
        using var observed = new LagObserver();
        var orders = "orders-" + Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        metrics.Pending("t1/0/i", orders, "byCustomer", 4, now - 300);
        metrics.Pending("t1/1/i", orders, "byCustomer", 2, now - 120);
        metrics.Pending("t1/0/j", orders, "byDate", 1, now - 10);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        observed.Collect();
        Assert.Equal(6, observed.Records[(orders, "byCustomer")]);
        Assert.Equal(350, observed.Age[(orders, "byCustomer")]);
        Assert.Equal(1, observed.Records[(orders, "byDate")]);
        Assert.Equal(60, observed.Age[(orders, "byDate")]);

        metrics.CaughtUp("t1/0/i", orders, "byCustomer");
        metrics.Forget("t1/0/j");
        observed.Collect();
        Assert.Equal(2, observed.Records[(orders, "byCustomer")]);
        Assert.Equal(170, observed.Age[(orders, "byCustomer")]);
        Assert.False(observed.Records.ContainsKey((orders, "byDate")));

        metrics.CaughtUp("t1/1/i", orders, "byCustomer");
        metrics.Applied(orders, "byCustomer", clock.GetUtcNow().ToUnixTimeMilliseconds() - 25);
        observed.Collect();
        Assert.Equal(0, observed.Records[(orders, "byCustomer")]);
        Assert.Equal(0, observed.Age[(orders, "byCustomer")]);
        Assert.Equal([25d], observed.Delays[(orders, "byCustomer")]);
    }
}
