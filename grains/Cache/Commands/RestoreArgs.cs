namespace DataTier.Cache.Commands;

/// <summary>RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency], its options checked as Redis 7.0 checks them (before the key, TTL and payload).</summary>
public sealed class RestoreArgs
{
    private static readonly CacheReply BadIdleTime = CacheReply.Error("ERR Invalid IDLETIME value, must be >= 0");
    private static readonly CacheReply BadFrequency = CacheReply.Error("ERR Invalid FREQ value, must be >= 0 and <= 255");

    public bool Replace { get; private set; }

    public bool AbsoluteTtl { get; private set; }

    /// <summary>Seconds since the last access, or -1.</summary>
    public long IdleSeconds { get; private set; } = -1;

    /// <summary>The LFU counter, or -1.</summary>
    public long Frequency { get; private set; } = -1;

    /// <summary>The options, or Redis' error; IDLETIME and FREQ exclude each other (the second is a syntax error).</summary>
    public static CacheReply? Parse(byte[][] a, out RestoreArgs args)
    {
        args = new RestoreArgs();
        for (var i = 4; i < a.Length; i++)
        {
            var more = i + 1 < a.Length;
            if (Arg.Is(a[i], "replace")) args.Replace = true;
            else if (Arg.Is(a[i], "absttl")) args.AbsoluteTtl = true;
            else if (Arg.Is(a[i], "idletime") && more && args.Frequency == -1)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out var idle)) return CacheErrors.NotInteger;
                if (idle < 0) return BadIdleTime;
                args.IdleSeconds = idle;
            }
            else if (Arg.Is(a[i], "freq") && more && args.IdleSeconds == -1)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out var frequency)) return CacheErrors.NotInteger;
                if (frequency is < 0 or > 255) return BadFrequency;
                args.Frequency = frequency;
            }
            else return CacheErrors.Syntax;
        }
        return null;
    }
}
