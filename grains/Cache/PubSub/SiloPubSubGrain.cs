namespace DataTier.Cache.PubSub;

[SiloLocalPlacement]
[Orleans.Concurrency.Reentrant]
public sealed class SiloPubSubGrain(PubSubHub hub, Blocking.KeyWakeups lists, Scripting.ScriptCache scripts, Notifications.KeyspaceNotifier notifier,
    Tracking.KeyInvalidations invalidations, ILocalSiloDetails silo)
    : Grain, ISiloPubSubGrain
{
    private bool IsItsSilo => this.GetPrimaryKeyString() == silo.SiloAddress.ToParsableString();

    public Task Invalidate(Tracking.KeyChange[] changes)
    {
        if (IsItsSilo) invalidations.DeliverLocal(changes);
        return Task.CompletedTask;
    }

    public Task StartTracking()
    {
        if (IsItsSilo) invalidations.Activate();
        return Task.CompletedTask;
    }

    public Task DeliverMany(byte[][] channels, byte[][] messages)
    {
        if (this.GetPrimaryKeyString() != silo.SiloAddress.ToParsableString()) return Task.CompletedTask;
        for (var i = 0; i < channels.Length; i++) hub.DeliverLocal(channels[i], messages[i]);
        return Task.CompletedTask;
    }

    public Task SetKeyspaceEvents(int flags)
    {
        if (this.GetPrimaryKeyString() == silo.SiloAddress.ToParsableString()) notifier.Flags = (Notifications.KeyspaceEventTypes)flags;
        return Task.CompletedTask;
    }

    public Task<int> Deliver(byte[] channel, byte[] message)
    {
        // Placed elsewhere because the silo it stands for has gone: its subscribers are gone too.
        if (this.GetPrimaryKeyString() != silo.SiloAddress.ToParsableString()) return Task.FromResult(0);
        return Task.FromResult(hub.DeliverLocal(channel, message));
    }

    public Task<int> DeliverSharded(byte[] channel, byte[] message) =>
        Task.FromResult(this.GetPrimaryKeyString() == silo.SiloAddress.ToParsableString() ? hub.DeliverSharded(channel, message) : 0);

    public Task WakeWaiters(byte[][] keys, Guid[] tickets)
    {
        if (this.GetPrimaryKeyString() == silo.SiloAddress.ToParsableString()) lists.SignalLocal(keys, tickets);
        return Task.CompletedTask;
    }

    public Task LoadScript(byte[] script)
    {
        if (this.GetPrimaryKeyString() == silo.SiloAddress.ToParsableString()) scripts.AddShared(script);
        return Task.CompletedTask;
    }
}
