using System.IO.Pipelines;

namespace DataTier.Silo.Resp.Tracking;

/// <summary>
/// A tracking client's invalidations of the changes its own commands make, held while its commands run and written
/// among their replies: Redis 7.0 tells a client of its own change right after that command's reply, and in broadcast
/// mode (where it sends invalidations before it goes back to waiting for input) after the replies of everything it read
/// in one go, in one message. The commands read together run batched by shard, so a change names its command by the
/// serial number the command carried (see <see cref="DataTier.Cache.Tracking.KeyChange"/>).
/// </summary>
public sealed class OwnInvalidations
{
    private readonly object _gate = new();
    private int _slot = -1;
    private long _firstSerial;
    private List<(int Slot, byte[][]? Keys)>? _held;
    private List<byte[]>? _broadcast;

    // What the last Release took, written by the session alone.
    private List<(int Slot, byte[][]? Keys)>? _released;
    private List<byte[]>? _releasedBroadcast;
    private int _next;

    /// <summary>Whether commands run now (since <see cref="Running"/>, until <see cref="Release"/>).</summary>
    public bool IsRunning => Volatile.Read(ref _slot) >= 0;

    /// <summary>The command at this position of the commands read together (the first of which has serial <paramref name="firstSerial"/>) is dispatched now.</summary>
    public void Running(long firstSerial, int slot)
    {
        lock (_gate) (_firstSerial, _slot) = (firstSerial, slot);
    }

    /// <summary>The position among the commands read together of the one with this serial, once dispatched; -1 when it is not one of them.</summary>
    public int PositionOf(long serial)
    {
        lock (_gate) return PositionOfLocked(serial);
    }

    private int PositionOfLocked(long serial)
    {
        var position = serial - _firstSerial;
        return _slot >= 0 && position >= 0 && position <= _slot ? (int)position : -1;
    }

    /// <summary>
    /// Holds the invalidation back for the reply of the command with this serial (0: the one dispatched last, a command
    /// run on its own); false when no command runs or the serial is an earlier read's (then it goes out at once).
    /// </summary>
    public bool Defer(byte[][]? keys, long serial, bool broadcast)
    {
        lock (_gate)
        {
            if (_slot < 0) return false;
            if (broadcast && keys is not null)
            {
                (_broadcast ??= []).AddRange(keys);
                return true;
            }
            var position = serial == 0 ? _slot : PositionOfLocked(serial);
            if (position < 0) return false;
            (_held ??= []).Add((position, keys));
            return true;
        }
    }

    /// <summary>
    /// The commands have their replies: takes what they held back, to write with them; later changes are told at once.
    /// <paramref name="commandAt"/> gives the command at a position, whose keys' order its changes take.
    /// </summary>
    public void Release(Func<int, byte[][]> commandAt)
    {
        lock (_gate)
        {
            _slot = -1;
            (_released, _held) = (_held, null);
            (_releasedBroadcast, _broadcast) = (_broadcast, null);
        }
        // Shards run their batches in parallel, so changes come in any order between shards: Redis makes them in the
        // commands' order, and a command's in its keys' order.
        if (_released is { Count: > 1 } released)
            _released = [.. released.OrderBy(h => h.Slot).ThenBy(h => KeyPosition(commandAt(h.Slot), h.Keys))];
        _next = 0;
    }

    private static int KeyPosition(byte[][] command, byte[][]? keys)
    {
        if (keys is not [var key, ..]) return 0;
        for (var i = 1; i < command.Length; i++)
            if (command[i].AsSpan().SequenceEqual(key)) return i;
        return int.MaxValue;
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
