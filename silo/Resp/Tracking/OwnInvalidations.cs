using System.IO.Pipelines;

namespace DataTier.Silo.Resp.Tracking;

/// <summary>
/// A tracking client's invalidations of the changes its own commands make, held while its commands run and written
/// among their replies: Redis 7.0 tells a client of its own change right after that command's reply, and in broadcast
/// mode (where it sends invalidations before it goes back to waiting for input) after the replies of everything it read
/// in one go, in one message.
/// </summary>
public sealed class OwnInvalidations
{
    private readonly object _gate = new();
    private int _slot = -1;
    private List<(int Slot, byte[][]? Keys)>? _held;
    private List<byte[]>? _broadcast;

    // What the last Release took, written by the session alone.
    private List<(int Slot, byte[][]? Keys)>? _released;
    private List<byte[]>? _releasedBroadcast;
    private int _next;

    /// <summary>Whether commands run now (since <see cref="Running"/>, until <see cref="Release"/>).</summary>
    public bool IsRunning => Volatile.Read(ref _slot) >= 0;

    /// <summary>The command at this position of the commands read together runs now.</summary>
    public void Running(int slot) => Volatile.Write(ref _slot, slot);

    /// <summary>Holds the invalidation back for the running command's reply; false when no command runs (then it goes out at once).</summary>
    public bool Defer(byte[][]? keys, bool broadcast)
    {
        lock (_gate)
        {
            if (_slot < 0) return false;
            if (broadcast && keys is not null) (_broadcast ??= []).AddRange(keys);
            else (_held ??= []).Add((_slot, keys));
            return true;
        }
    }

    /// <summary>The commands have their replies: takes what they held back, to write with them; later changes are told at once.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _slot = -1;
            (_released, _held) = (_held, null);
            (_releasedBroadcast, _broadcast) = (_broadcast, null);
        }
        _next = 0;
    }

    /// <summary>Writes what the command at <paramref name="slot"/> (and any before it) held back, after its reply.</summary>
    public void WriteAfter(int slot, PipeWriter output, int protocol)
    {
        if (_released is not { } released) return;
        for (; _next < released.Count && released[_next].Slot <= slot; _next++) RespWriter.WritePush(output, InvalidationMessage.Push(released[_next].Keys), protocol);
    }

    /// <summary>Writes what is left after every reply: the broadcast invalidations in one message.</summary>
    public void WriteRest(PipeWriter output, int protocol)
    {
        WriteAfter(int.MaxValue, output, protocol);
        if (_releasedBroadcast is { } keys) RespWriter.WritePush(output, InvalidationMessage.Push(InvalidationMessage.BroadcastKeys(keys)), protocol);
        _released = null;
        _releasedBroadcast = null;
    }
}
