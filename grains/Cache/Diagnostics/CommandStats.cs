using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using DataTier.Cache.Commands;

namespace DataTier.Cache.Diagnostics;

/// <summary>
/// This silo's command statistics (INFO commandstats, errorstats and latencystats, LATENCY HISTOGRAM): per command (a
/// container's subcommands apart, as Redis 7 counts them) its calls, time, latencies, rejections and failures, and per
/// error code the errors answered. A command is counted where it runs, as its slow log entry is kept.
/// </summary>
public sealed class CommandStats
{
    private CommandStat?[] _byId = new CommandStat?[Enum.GetValues<CommandId>().Length];
    private ConcurrentDictionary<string, CommandStat> _subcommands = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _errorReplies;
    private static readonly double NanosPerTick = 1e9 / Stopwatch.Frequency;

    public long ErrorReplies => Interlocked.Read(ref _errorReplies);

    /// <summary>Redis' latency-tracking: whether each command's latencies are kept (for latencystats and LATENCY HISTOGRAM).</summary>
    public bool TrackLatency { get; set; } = true;

    /// <summary>Redis' latency-tracking-info-percentiles: the percentiles INFO latencystats shows.</summary>
    public double[] Percentiles { get; set; } = [50, 99, 99.9];

    /// <summary>Counts a command that ran <paramref name="elapsed"/> (in <see cref="Stopwatch"/> ticks) with its reply.</summary>
    public void Ran(CommandSpec spec, byte[][] args, long elapsed, CacheReply reply)
    {
        var nanos = (long)(elapsed * NanosPerTick);
        if (reply.IsError) Error(reply);
        // An unknown subcommand is no command at all for Redis: only its error is counted.
        if (IsContainer[(int)spec.Id] && IsUnknownSubcommand(reply)) return;
        StatOf(spec, args).Ran(nanos, reply.IsError, TrackLatency);
    }

    /// <summary>Counts a command refused before it ran, and its error.</summary>
    public void Refused(CommandSpec spec, byte[][] args, CacheReply error)
    {
        StatOf(spec, args).Refused();
        Error(error);
    }

    /// <summary>Counts an error answered (errorstats and total_error_replies), by its code: the first word when upper case, else ERR.</summary>
    public void Error(CacheReply error)
    {
        Interlocked.Increment(ref _errorReplies);
        _errors.AddOrUpdate(ErrorCode(error.Text ?? ""), 1, (_, n) => n + 1);
    }

    public IEnumerable<CommandStat> Commands =>
        _byId.Where(s => s is not null).Concat(_subcommands.Values).Where(s => s!.Calls > 0 || s.Rejected > 0)!;

    public IEnumerable<KeyValuePair<string, long>> Errors => _errors.OrderBy(e => e.Key, StringComparer.Ordinal);

    /// <summary>CONFIG RESETSTAT.</summary>
    public void Reset()
    {
        _byId = new CommandStat?[_byId.Length];
        _subcommands = new(StringComparer.Ordinal);
        _errors = new(StringComparer.Ordinal);
        Interlocked.Exchange(ref _errorReplies, 0);
    }

    private static readonly bool[] IsContainer = Containers(
        CommandId.Acl, CommandId.Client, CommandId.Cluster, CommandId.Command, CommandId.Config, CommandId.Function, CommandId.Latency,
        CommandId.Memory, CommandId.Object, CommandId.PubSub, CommandId.Script, CommandId.SlowLog, CommandId.XInfo, CommandId.XGroup);

    private static bool[] Containers(params CommandId[] ids)
    {
        var flags = new bool[Enum.GetValues<CommandId>().Length];
        foreach (var id in ids) flags[(int)id] = true;
        return flags;
    }

    private CommandStat StatOf(CommandSpec spec, byte[][] args)
    {
        var byId = _byId;
        if (IsContainer[(int)spec.Id] && args.Length > 1 && IsSubcommandName(args[1]))
        {
            var name = spec.Name + "|" + Arg.Lower(args[1]);
            return _subcommands.GetOrAdd(name, n => new CommandStat(n));
        }
        var index = (int)spec.Id;
        return Volatile.Read(ref byId[index]) ?? Interlocked.CompareExchange(ref byId[index], new CommandStat(spec.Name), null) ?? byId[index]!;
    }

    private static bool IsSubcommandName(byte[] arg) => arg.Length is > 0 and <= 32 && arg.All(b => char.IsAsciiLetter((char)b) || b == '-');

    private static bool IsUnknownSubcommand(CacheReply reply) =>
        reply.IsError && reply.Text is { } text && text.StartsWith("ERR unknown subcommand", StringComparison.Ordinal);

    private static string ErrorCode(string text)
    {
        var end = text.IndexOf(' ');
        var code = end < 0 ? text : text[..end];
        return code.Length > 0 && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') ? code : "ERR";
    }

    /// <summary>INFO commandstats' line for a command.</summary>
    public static string CommandLine(CommandStat s)
    {
        var perCall = s.Calls == 0 ? 0 : (double)s.Micros / s.Calls;
        return new StringBuilder("cmdstat_").Append(s.Name).Append(":calls=").Append(s.Calls).Append(",usec=").Append(s.Micros)
            .Append(",usec_per_call=").Append(perCall.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))
            .Append(",rejected_calls=").Append(s.Rejected).Append(",failed_calls=").Append(s.Failed).ToString();
    }
}
