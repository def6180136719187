namespace DataTier.AutoScaling;

/// <summary>
/// Target tracking as Application Auto Scaling does it for DynamoDB: the units that would put the consumed
/// rate at the target utilization, within the target's bounds. Scaling out happens as soon as the consumed
/// rate passes the target and the scale-out cooldown has run; scaling in only when the new units are at least
/// a fifth below the current ones (so a rate near the target does not flap), the scale-in cooldown has run,
/// and the rate was measured over a whole window (a silo that just started has seen too little to shrink).
/// </summary>
public static class TargetTracking
{
    /// <summary>The units to set now, or null to leave <paramref name="current"/> as it is.</summary>
    public static long? Desired(ScalableTarget target, long current, double consumedPerSecond, bool wholeWindow, DateTimeOffset now)
    {
        if (target.Policy is not { } policy)
            return current < target.MinCapacity ? target.MinCapacity : current > target.MaxCapacity ? target.MaxCapacity : null;
        var wanted = (long)Math.Ceiling(consumedPerSecond * 100 / policy.TargetValue);
        var desired = Math.Clamp(wanted, target.MinCapacity, target.MaxCapacity);
        // Outside its bounds (they were just registered or changed), the units are brought inside at once.
        if (current < target.MinCapacity) return target.MinCapacity;
        if (current > target.MaxCapacity) return target.MaxCapacity;
        if (desired > current)
            return Since(target.LastScaledOut, now) >= policy.ScaleOutCooldown ? desired : null;
        if (desired < current && !policy.DisableScaleIn && wholeWindow && desired <= current * 0.8)
            return Since(target.LastScaledIn, now) >= policy.ScaleInCooldown ? desired : null;
        return null;
    }

    private static double Since(DateTimeOffset? last, DateTimeOffset now) => last is { } t ? (now - t).TotalSeconds : double.MaxValue;
}
