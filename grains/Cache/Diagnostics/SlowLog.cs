using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Diagnostics;

/// <summary>
/// This silo's slow log (Redis' SLOWLOG): the commands whose execution took at least slowlog-log-slower-than
/// microseconds (0 logs every command, -1 none), newest first, at most slowlog-max-len of them. Shards time the
/// commands they run, so an entry is kept by the silo that hosts the key's shard, as each Redis Cluster node logs its
/// own; the session's silo logs the commands it runs itself.
/// </summary>
public sealed class SlowLog
{
    public const int MaxArgs = 32;
    public const int MaxArgBytes = 128;

    private readonly object _lock = new();
    private readonly LinkedList<SlowLogEntry> _entries = new();
    private readonly TimeProvider _time;
    private long _nextId;
    private long _slowerThanMicros;
    private long _slowerThanTicks;
    private long _maxLength;

    public SlowLog(IOptions<CacheOptions> options, TimeProvider time)
    {
        _time = time;
        SlowerThanMicros = options.Value.SlowLogSlowerThan;
        _maxLength = options.Value.SlowLogMaxLength;
    }

    /// <summary>Redis' slowlog-log-slower-than: microseconds from which a command is logged; negative logs none.</summary>
    public long SlowerThanMicros
    {
        get => Volatile.Read(ref _slowerThanMicros);
        set
        {
            Volatile.Write(ref _slowerThanMicros, value);
            Volatile.Write(ref _slowerThanTicks, value < 0 ? long.MaxValue : value > long.MaxValue / Stopwatch.Frequency ? long.MaxValue - 1 : value * Stopwatch.Frequency / 1_000_000);
        }
    }

    /// <summary>Redis' slowlog-max-len: the entries kept; lowering it drops the oldest.</summary>
    public long MaxLength
    {
        get => Volatile.Read(ref _maxLength);
        set
        {
            lock (_lock)
            {
                _maxLength = value;
                Trim();
            }
        }
    }

    /// <summary>Whether a command that ran <paramref name="elapsedTicks"/> (of <see cref="Stopwatch"/>) is to be logged.</summary>
    public bool IsSlow(long elapsedTicks) => elapsedTicks >= Volatile.Read(ref _slowerThanTicks);

    /// <summary>Logs the command if its <paramref name="elapsed"/> time (in <see cref="Stopwatch"/> ticks) is long enough.</summary>
    public void Record(long elapsed, byte[][] args, SlowLogCaller caller, Func<int, bool>? redacted = null)
    {
        if (elapsed < Volatile.Read(ref _slowerThanTicks)) return;
        var entryArgs = Shorten(args, redacted);
        var micros = elapsed * 1_000_000 / Stopwatch.Frequency;
        var at = _time.GetUtcNow().ToUnixTimeSeconds();
        lock (_lock)
        {
            _entries.AddFirst(new SlowLogEntry(_nextId++, at, micros, entryArgs, caller.Address, caller.Name));
            Trim();
        }
    }

    /// <summary>The newest <paramref name="count"/> entries (all when negative).</summary>
    public List<SlowLogEntry> Newest(long count)
    {
        lock (_lock) return [.. count < 0 ? _entries : _entries.Take((int)Math.Min(count, int.MaxValue))];
    }

    public int Length
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    public void Reset()
    {
        lock (_lock) _entries.Clear();
    }

    private void Trim()
    {
        while (_entries.Count > 0 && _entries.Count > _maxLength) _entries.RemoveLast();
    }

    /// <summary>As Redis keeps them: at most 32 arguments (the last saying how many more) of at most 128 bytes (saying how many more).</summary>
    private static byte[][] Shorten(byte[][] args, Func<int, bool>? redacted)
    {
        var kept = args.Length > MaxArgs ? MaxArgs - 1 : args.Length;
        var result = new byte[kept + (args.Length > MaxArgs ? 1 : 0)][];
        for (var i = 0; i < kept; i++)
        {
            var arg = args[i];
            result[i] = redacted?.Invoke(i) == true ? "(redacted)"u8.ToArray()
                : arg.Length <= MaxArgBytes ? arg
                : [.. arg.AsSpan(0, MaxArgBytes), .. Encoding.ASCII.GetBytes($"... ({arg.Length - MaxArgBytes} more bytes)")];
        }
        if (args.Length > MaxArgs) result[^1] = Encoding.ASCII.GetBytes($"... ({args.Length - kept} more arguments)");
        return result;
    }
}
