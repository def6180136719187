using DataTier.AutoScaling;
using Xunit;

namespace DataTier.Tests.AutoScaling;

public class TargetTrackingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static ScalableTarget Target(long min = 5, long max = 100, double targetValue = 50, int outCooldown = 60, int inCooldown = 60,
        bool disableScaleIn = false, DateTimeOffset? scaledOut = null, DateTimeOffset? scaledIn = null) =>
        new(CapacityDimension.WriteCapacityUnits, min, max, Now.AddDays(-1),
            new ScalingPolicy("p", targetValue, outCooldown, inCooldown, disableScaleIn, Now.AddDays(-1)), scaledOut, scaledIn);

    [Fact]
    public void A_rate_above_the_target_asks_for_the_units_that_put_it_at_the_target()
    {
        Assert.Equal(40, TargetTracking.Desired(Target(), current: 10, consumedPerSecond: 20, wholeWindow: false, Now));
        Assert.Equal(21, TargetTracking.Desired(Target(targetValue: 70), current: 10, consumedPerSecond: 14.1, wholeWindow: true, Now));
    }

    [Fact]
    public void The_units_stay_within_the_bounds()
    {
        Assert.Equal(100, TargetTracking.Desired(Target(), current: 10, consumedPerSecond: 1000, wholeWindow: true, Now));
        Assert.Equal(5, TargetTracking.Desired(Target(), current: 50, consumedPerSecond: 0, wholeWindow: true, Now));
        Assert.Equal(5, TargetTracking.Desired(Target(min: 5), current: 2, consumedPerSecond: 0, wholeWindow: false, Now));
        Assert.Equal(100, TargetTracking.Desired(Target(max: 100), current: 200, consumedPerSecond: 500, wholeWindow: false, Now));
    }

    [Fact]
    public void Cooldowns_hold_back_the_next_action_of_the_same_direction()
    {
        Assert.Null(TargetTracking.Desired(Target(scaledOut: Now.AddSeconds(-30)), current: 10, consumedPerSecond: 20, wholeWindow: true, Now));
        Assert.Equal(40, TargetTracking.Desired(Target(scaledOut: Now.AddSeconds(-61)), current: 10, consumedPerSecond: 20, wholeWindow: true, Now));
        Assert.Null(TargetTracking.Desired(Target(scaledIn: Now.AddSeconds(-30)), current: 50, consumedPerSecond: 1, wholeWindow: true, Now));
        // A recent scale-out does not hold back a scale-in.
        Assert.Equal(5, TargetTracking.Desired(Target(scaledOut: Now.AddSeconds(-1)), current: 50, consumedPerSecond: 1, wholeWindow: true, Now));
    }

    [Fact]
    public void Scaling_in_needs_a_whole_window_a_fifth_less_and_scale_in_enabled()
    {
        Assert.Null(TargetTracking.Desired(Target(), current: 50, consumedPerSecond: 1, wholeWindow: false, Now));
        Assert.Null(TargetTracking.Desired(Target(), current: 50, consumedPerSecond: 21, wholeWindow: true, Now));
        Assert.Equal(40, TargetTracking.Desired(Target(), current: 50, consumedPerSecond: 20, wholeWindow: true, Now));
        Assert.Null(TargetTracking.Desired(Target(disableScaleIn: true), current: 50, consumedPerSecond: 1, wholeWindow: true, Now));
    }

    [Fact]
    public void Scaling_in_follows_the_busiest_interval_of_the_window_so_it_comes_down_in_one_step_once_traffic_stops()
    {
        // Traffic stopped part of the way through the window: the average is low, but its busiest interval was not.
        Assert.Null(TargetTracking.Desired(Target(), current: 50, consumedPerSecond: 5, wholeWindow: true, Now, peakPerSecond: 24));
        Assert.Equal(30, TargetTracking.Desired(Target(), current: 50, consumedPerSecond: 5, wholeWindow: true, Now, peakPerSecond: 15));
        // A whole window later, every interval is quiet: straight to the minimum.
        Assert.Equal(5, TargetTracking.Desired(Target(), current: 50, consumedPerSecond: 0, wholeWindow: true, Now, peakPerSecond: 0));
        // Scaling out still follows the window's average.
        Assert.Equal(60, TargetTracking.Desired(Target(), current: 50, consumedPerSecond: 30, wholeWindow: true, Now, peakPerSecond: 90));
    }

    [Fact]
    public void A_target_without_a_policy_only_brings_the_units_within_its_bounds()
    {
        var target = Target() with { Policy = null };
        Assert.Null(TargetTracking.Desired(target, current: 50, consumedPerSecond: 1000, wholeWindow: true, Now));
        Assert.Equal(5, TargetTracking.Desired(target, current: 1, consumedPerSecond: 0, wholeWindow: true, Now));
        Assert.Equal(100, TargetTracking.Desired(target, current: 500, consumedPerSecond: 0, wholeWindow: true, Now));
    }
}
