namespace DataTier.Placement;

/// <summary>
/// The moment a gracefully stopping silo may hand its grains over. Orleans marks the silo
/// ShuttingDown in the membership table in the stop of <see cref="ServiceLifecycleStage.BecomeActive"/>;
/// until then every other silo still counts it as active, so their placement directors and
/// rebalancers would send moved grains straight back to it (and it would activate them, then
/// deactivate them empty a moment later). Hand-offs therefore subscribe at that stage and wait here
/// until the membership shows this silo as no longer active: from then on its catalog refuses new
/// activations and the other silos leave it out of their rings.
/// </summary>
public static class SiloDeparture
{
    /// <summary>The lifecycle stage whose stop runs a hand-off, beside Orleans' ShuttingDown announcement and before grains are deactivated.</summary>
    public const int HandOffStage = ServiceLifecycleStage.BecomeActive;

    /// <summary>Waits (at most <paramref name="timeout"/>) until this silo's own membership entry is no longer Active.</summary>
    public static async Task WaitUntilAnnouncedAsync(IClusterMembershipService membership, SiloAddress self, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!IsActive(membership.CurrentSnapshot, self)) return;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(limit.Token))
                if (!IsActive(snapshot, self)) return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not announced in time: hand off anyway, as before.
        }
    }

    private static bool IsActive(ClusterMembershipSnapshot snapshot, SiloAddress self) =>
        snapshot.Members.TryGetValue(self, out var member) && member.Status == SiloStatus.Active;
}
