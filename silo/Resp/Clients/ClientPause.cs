namespace DataTier.Silo.Resp.Clients;

/// <summary>
/// CLIENT PAUSE on this silo, as on a Redis node: until the pause ends (its timeout or CLIENT UNPAUSE), commands of
/// this silo's clients wait before they run, all of them in ALL mode, those that write or may replicate in WRITE
/// mode. A second pause keeps the stricter mode and the later end. Either mode holds the silo's dataset meanwhile (no
/// expiry or eviction, see <see cref="DataTier.Cache.Memory.DatasetHold"/>), as Redis 7.0 does.
/// </summary>
public sealed class ClientPause(TimeProvider time, DataTier.Cache.Memory.DatasetHold hold)
{
    private readonly object _gate = new();
    private TaskCompletionSource? _ended;
    private ITimer? _timer;
    private DateTimeOffset _endsAt;
    private volatile bool _active;
    private bool _all;

    /// <summary>Whether a pause is in effect (a cheap check for every command).</summary>
    public bool IsActive => _active;

    public void Start(long timeoutMs, bool all)
    {
        lock (_gate)
        {
            var endsAt = time.GetUtcNow().AddMilliseconds(timeoutMs);
            if (!_active)
            {
                _ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _all = all;
                _endsAt = endsAt;
            }
            else
            {
                _all |= all;
                if (endsAt > _endsAt) _endsAt = endsAt;
            }
            _active = true;
            hold.Active = true;
            _timer?.Dispose();
            var left = _endsAt - time.GetUtcNow();
            _timer = time.CreateTimer(_ => End(), null, left < TimeSpan.Zero ? TimeSpan.Zero : left, Timeout.InfiniteTimeSpan);
        }
    }

    public void End()
    {
        TaskCompletionSource? ended;
        lock (_gate)
        {
            if (!_active) return;
            _active = false;
            hold.Active = false;
            _timer?.Dispose();
            _timer = null;
            ended = _ended;
            _ended = null;
        }
        ended?.TrySetResult();
    }

    /// <summary>The pause's end to wait for, when a command that writes (or may replicate) or not must wait; else null.</summary>
    public Task? Holds(bool writes)
    {
        if (!_active) return null;
        lock (_gate) return _active && (_all || writes) ? _ended!.Task : null;
    }
}
