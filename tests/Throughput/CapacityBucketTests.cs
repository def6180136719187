using DataTier.Tests.Cache;
using DataTier.Throughput;
using Xunit;

namespace DataTier.Tests.Throughput;

public class CapacityBucketTests
{
    private readonly ManualTimeProvider _time = new();

    private CapacityBucket Bucket(double rate, double burstSeconds)
    {
        var bucket = new CapacityBucket(_time);
        bucket.Configure(rate, burstSeconds);
        return bucket;
    }

    [Fact]
    public void A_new_bucket_holds_its_burst_and_refuses_once_it_is_spent()
    {
        var bucket = Bucket(rate: 2, burstSeconds: 5);
        Assert.Equal(10, bucket.Available);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(bucket.TryAdmit());
            bucket.Charge(1);
        }
        Assert.False(bucket.TryAdmit());
    }

    [Fact]
    public void It_refills_at_its_rate_and_never_past_its_burst()
    {
        var bucket = Bucket(rate: 2, burstSeconds: 5);
        bucket.Charge(10);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(0.5, bucket.Available, 6);
        Assert.True(bucket.TryAdmit());
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(10, bucket.Available, 6);
    }

    [Fact]
    public void A_large_charge_leaves_a_debt_that_holds_back_later_requests_until_refilled()
    {
        var bucket = Bucket(rate: 1, burstSeconds: 10);
        Assert.True(bucket.TryAdmit());
        bucket.Charge(14);
        Assert.Equal(-4, bucket.Available, 6);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(bucket.TryAdmit());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.TryAdmit());
    }

    [Fact]
    public void The_debt_is_bounded_by_one_burst()
    {
        var bucket = Bucket(rate: 1, burstSeconds: 10);
        bucket.Charge(1000);
        Assert.Equal(-10, bucket.Available, 6);
    }

    [Fact]
    public void More_capacity_brings_its_burst_credit_at_once_and_less_capacity_caps_what_is_left()
    {
        var bucket = Bucket(rate: 1, burstSeconds: 10);
        bucket.Charge(10);
        bucket.Configure(3, 10);
        Assert.Equal(20, bucket.Available, 6);
        bucket.Configure(1, 10);
        Assert.Equal(10, bucket.Available, 6);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, bucket.Available, 6);
    }
}
