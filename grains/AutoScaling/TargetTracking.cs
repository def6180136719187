namespace DataTier.AutoScaling;

/// <summary>
/// Target tracking as Application Auto Scaling does it for DynamoDB: the units that would put the consumed
/// rate at the target utilization, within the target's bounds. Scaling out happens as soon as the rate over
/// the window passes the target and the scale-out cooldown has run. Scaling in follows the busiest interval
/// of the window, as DynamoDB's scale-in alarm waits for many consecutive low datapoints: only when even that
/// rate asks for units at least a fifth below the current ones (so a rate near the target does not flap), the
/// scale-in cooldown has run, and a whole window was watched (a silo that just started has seen too little to
/// shrink). So once traffic stops, the units come down in one step a window later, not in a string of small
/// decreases that would spend the day's quota of them.
/// </summary>
public static class TargetTracking
{
    /// <summary>
    /// The units to set now, or null to leave <paramref name="current"/> as it is. <paramref name="peakPerSecond"/>
    /// is the rate of the window's busiest interval (the average when not given).
    /// </summary>
    public static long? Desired(ScalableTarget target, long current, double consumedPerSecond, bool wholeWindow, DateTimeOffset now,
        double? peakPerSecond = null)
    {
        if (target.Policy is not { } policy)
            return current < target.MinCapacity ? target.MinCapacity : current > target.MaxCapacity ? target.MaxCapacity : null;
        // Outside its bounds (they were just registered or changed), the units are brought inside at once.
        if (current < target.MinCapacity) return target.MinCapacity;
        if (current > target.MaxCapacity) return target.MaxCapacity;
        var desired = UnitsFor(target, policy, consumedPerSecond);
        if (desired > current)
            return Since(target.LastScaledOut, now) >= policy.ScaleOutCooldown ? desired : null;
        var desiredIn = UnitsFor(target, policy, Math.Max(consumedPerSecond, peakPerSecond ?? consumedPerSecond));
        if (desiredIn < current && !policy.DisableScaleIn && wholeWindow && desiredIn <= current * 0.8)
            return Since(target.LastScaledIn, now) >= policy.ScaleInCooldown ? desiredIn : null;
        return null;
    }

    private static long UnitsFor(ScalableTarget target, ScalingPolicy policy, double perSecond) =>
        Math.Clamp((long)Math.Ceiling(perSecond * 100 / policy.TargetValue), target.MinCapacity, target.MaxCapacity);

    private static double Since(DateTimeOffset? last, DateTimeOffset now) => last is { } t ? (now - t).TotalSeconds : double.MaxValue;
}
