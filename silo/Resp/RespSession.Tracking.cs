using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Tracking;
using DataTier.Silo.Resp.Tracking;

namespace DataTier.Silo.Resp;

/// <summary>
/// CLIENT TRACKING and CLIENT CACHING: server-assisted client-side caching, as Redis 7.0 offers it. A tracking client
/// hears (as RESP3 <c>invalidate</c> pushes, or through the client it redirects to) of changes to the keys it has read,
/// or in broadcast mode to every key under its prefixes.
/// </summary>
public sealed partial class RespSession
{
    private static readonly byte[] InvalidateChannel = "__redis__:invalidate"u8.ToArray();
    private bool _tracking;
    private bool _trackingBroadcast;
    private bool _trackingOptIn;
    private bool _trackingOptOut;
    private bool _trackingNoLoop;
    private long _trackingRedirect;
    private List<byte[]> _trackingPrefixes = [];
    private bool? _caching;
    /// <summary>The keys of the tracked reads sent to their shards and not yet answered, each with the position of its last read among the commands read together.</summary>
    private readonly Dictionary<byte[], int> _reading = new(ByteArrayComparer.Instance);
    private readonly OwnInvalidations _ownInvalidations = new();

    public bool TracksBroadcast => _trackingBroadcast;

    /// <summary>
    /// This connection's id in the cluster while it tracks with NOLOOP (null otherwise): its commands carry it to their
    /// shards, and the invalidations of the keys they change carry it back, so that it is not told of its own changes.
    /// </summary>
    public string? NoLoopOrigin => _tracking && _trackingNoLoop ? Origin : null;

    /// <summary>
    /// This connection's id in the cluster while it tracks keys (null otherwise): its commands carry it to their shards
    /// so that the invalidations of the keys it changes itself are told after the command's reply, as Redis tells them.
    /// </summary>
    public string? TrackingOrigin => _tracking ? Origin : null;

    private string Origin => _origin ??= $"{_services.Clients.InstanceId}:{Id}";

    private string? _origin;

    public bool TracksPrefixOf(byte[] key) => _trackingPrefixes.Count == 0 || _trackingPrefixes.Any(p => key.AsSpan().StartsWith(p));

    /// <summary>
    /// Whether the client goes on tracking the key after this change: while a read of it is sent to its shard and not yet
    /// answered (the value it gets may be older than the change), unless the change is its own, made after that read.
    /// </summary>
    public bool KeepsTracking(byte[] key, KeyChange change)
    {
        lock (_reading)
        {
            if (!_reading.TryGetValue(key, out var read)) return false;
            if (change.Serial == 0 || change.Origin is null || change.Origin != _origin) return true;
            var position = _ownInvalidations.PositionOf(change.Serial);
            return position < 0 || read > position;
        }
    }

    private CacheReply ClientTracking(byte[][] a)
    {
        bool on;
        if (Arg.Is(a[2], "on")) on = true;
        else if (Arg.Is(a[2], "off")) on = false;
        else return CacheErrors.Syntax;
        long redirect = 0;
        bool broadcast = false, optIn = false, optOut = false, noLoop = false;
        var prefixes = new List<byte[]>();
        for (var i = 3; i < a.Length; i++)
        {
            var more = a.Length - i - 1;
            if (Arg.Is(a[i], "redirect") && more >= 1)
            {
                if (redirect != 0) return CacheReply.Error("ERR A client can only redirect to a single other client");
                if (!CacheNumbers.TryParseLong(a[++i], out redirect)) return CacheErrors.NotInteger;
                if (redirect != Id && _services.Clients.Find(redirect) is null) return CacheReply.Error("ERR The client ID you want redirect to does not exist");
            }
            else if (Arg.Is(a[i], "bcast")) broadcast = true;
            else if (Arg.Is(a[i], "optin")) optIn = true;
            else if (Arg.Is(a[i], "optout")) optOut = true;
            else if (Arg.Is(a[i], "noloop")) noLoop = true;
            else if (Arg.Is(a[i], "prefix") && more >= 1) prefixes.Add(a[++i]);
            else return CacheErrors.Syntax;
        }
        if (!on)
        {
            StopTracking();
            return CacheReply.Ok;
        }
        if (_tracking && broadcast != _trackingBroadcast)
            return CacheReply.Error("ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.");
        if (optIn && optOut) return CacheReply.Error("ERR You can't specify both OPTIN mode and OPTOUT mode");
        if ((optIn && _trackingOptOut) || (optOut && _trackingOptIn))
            return CacheReply.Error("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.");
        if (broadcast && (optIn || optOut)) return CacheReply.Error("ERR OPTIN and OPTOUT are not compatible with BCAST");
        if (!broadcast && prefixes.Count > 0) return CacheReply.Error("ERR PREFIX option requires BCAST mode to be enabled");
        if (OverlappingPrefix(prefixes) is { } overlap) return overlap;
        _tracking = true;
        _trackingBroadcast = broadcast;
        _trackingOptIn |= optIn;
        _trackingOptOut |= optOut;
        _trackingNoLoop |= noLoop;
        _trackingRedirect = redirect;
        _trackingPrefixes = [.. _trackingPrefixes, .. prefixes.Where(p => !_trackingPrefixes.Any(q => q.AsSpan().SequenceEqual(p)))];
        _router = _router.WithOrigin(TrackingOrigin);
        _services.Tracking.Start(this);
        _services.Invalidations.Activate();
        return CacheReply.Ok;
    }

    private CacheReply? OverlappingPrefix(List<byte[]> added)
    {
        for (var i = 0; i < added.Count; i++)
        {
            foreach (var other in added.Skip(i + 1).Concat(_trackingPrefixes))
            {
                var (a, b) = (added[i], other);
                if (a.AsSpan().SequenceEqual(b)) continue;
                if (a.AsSpan().StartsWith(b) || b.AsSpan().StartsWith(a))
                {
                    var existing = _trackingPrefixes.Contains(other) ? "an existing" : "another provided";
                    return CacheReply.Error($"ERR Prefix '{Arg.Text(a)}' overlaps with {existing} prefix '{Arg.Text(b)}'. Prefixes for a single client must not overlap.");
                }
            }
        }
        return null;
    }

    private CacheReply ClientCaching(byte[] answer)
    {
        if (!_tracking || (!_trackingOptIn && !_trackingOptOut))
            return CacheReply.Error("ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled");
        if (Arg.Is(answer, "yes"))
        {
            if (!_trackingOptIn) return CacheReply.Error("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
            _caching = true;
        }
        else if (Arg.Is(answer, "no"))
        {
            if (!_trackingOptOut) return CacheReply.Error("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
            _caching = false;
        }
        else return CacheErrors.Syntax;
        return CacheReply.Ok;
    }

    private void StopTracking()
    {
        if (!_tracking) return;
        _tracking = _trackingBroadcast = _trackingOptIn = _trackingOptOut = _trackingNoLoop = false;
        _trackingRedirect = 0;
        _trackingPrefixes = [];
        _caching = null;
        _router = _router.WithOrigin(null);
        _services.Tracking.Stop(this);
    }

    private long TrackingRedirect => _tracking ? _trackingRedirect : -1;

    private CacheReply TrackingInfo()
    {
        var flags = new List<CacheReply>();
        if (!_tracking) flags.Add(CacheReply.Bulk("off"));
        else
        {
            flags.Add(CacheReply.Bulk("on"));
            if (_trackingBroadcast) flags.Add(CacheReply.Bulk("bcast"));
            if (_trackingOptIn) flags.Add(CacheReply.Bulk("optin"));
            if (_trackingOptOut) flags.Add(CacheReply.Bulk("optout"));
            if (_caching == true) flags.Add(CacheReply.Bulk("caching-yes"));
            if (_caching == false) flags.Add(CacheReply.Bulk("caching-no"));
            if (_trackingNoLoop) flags.Add(CacheReply.Bulk("noloop"));
            if (_trackingRedirect != 0 && _services.Clients.Find(_trackingRedirect) is null) flags.Add(CacheReply.Bulk("broken_redirect"));
        }
        return CacheReply.Map(
        [
            CacheReply.Bulk("flags"), CacheReply.Members([.. flags]),
            CacheReply.Bulk("redirect"), CacheReply.Int(TrackingRedirect),
            CacheReply.Bulk("prefixes"), CacheReply.Array([.. _trackingPrefixes.Select(CacheReply.Bulk)]),
        ]);
    }

    /// <summary>
    /// Before a read runs: a tracking client (not in broadcast mode, and opted in or not out for this command) hears of
    /// changes to the keys from now on. CLIENT CACHING's answer holds for the next command only. A change of the keys
    /// this client queued earlier in the pipeline runs first, so that, as in Redis, it is not told to the client.
    /// </summary>
    private async ValueTask TrackReadAsync(CommandSpec spec, byte[][] args, int slot, object?[] outcomes)
    {
        if (TrackedKeys(spec, args) is not { } keys) return;
        if (_pending.Changes(keys)) await _pending.FlushAsync(_router, outcomes);
        lock (_reading)
            foreach (var key in keys) _reading[key] = slot;
        _services.Tracking.Remember(this, keys);
    }

    private List<byte[]>? TrackedKeys(CommandSpec spec, byte[][] args)
    {
        var caching = _caching;
        if (spec.Id != CommandId.Client) _caching = null;
        if (_trackingBroadcast || !spec.Flags.HasFlag(CommandFlags.ReadOnly)) return null;
        if ((_trackingOptIn && caching != true) || (_trackingOptOut && caching == false)) return null;
        var keys = CommandKeys.Of(spec, args).ToList();
        return keys.Count == 0 ? null : keys;
    }

    /// <summary>Notes the keys a change this client queues may change, while it tracks the keys it reads (see <see cref="TrackReadAsync"/>).</summary>
    private void NoteQueuedChange(CommandSpec spec, byte[][] args)
    {
        if (_tracking && !_trackingBroadcast && CommandTable.MayChange(spec.Id)) _pending.NoteChanging(CommandKeys.Of(spec, args));
    }

    /// <summary>The reads of a pipeline have their answers: changes from now on find the values they returned.</summary>
    private void ReadsAnswered()
    {
        if (_reading.Count == 0) return;
        lock (_reading) _reading.Clear();
    }

    /// <summary>
    /// Tells the client (or the one it redirects to) that the keys changed; null keys: everything was flushed. A change
    /// this client made itself (<paramref name="origin"/> is its own) while its commands run is told after the reply of
    /// the command with that <paramref name="serial"/>, or in broadcast mode after the replies of the commands it sent
    /// together, as Redis 7.0 orders them.
    /// </summary>
    public void SendInvalidation(byte[][]? keys, string? origin = null, long serial = 0, bool broadcast = false)
    {
        var target = _trackingRedirect == 0 ? this : _services.Clients.Find(_trackingRedirect);
        if (target is null) return;
        if (target.Protocol == 3)
        {
            if (target == this && origin is not null && origin == _origin && _ownInvalidations.Defer(keys, serial, broadcast)) return;
            target.Push(InvalidationMessage.Push(keys));
        }
        else if (target.IsSubscribedTo(InvalidateChannel)) target.Push(InvalidationMessage.Message(InvalidateChannel, keys));
    }
}
