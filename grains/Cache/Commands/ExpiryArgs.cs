namespace DataTier.Cache.Commands;

/// <summary>SET's and GETEX's options (NX, XX, GET, KEEPTTL, PERSIST, EX, PX, EXAT, PXAT), parsed as Redis 7 parses them.</summary>
public struct ExpiryArgs
{
    public bool Nx, Xx, Get, KeepTtl, Persist;
    /// <summary>Absolute expiry in unix milliseconds, or 0.</summary>
    public long ExpiresAt;

    private byte[]? _expireArg;
    private long _unit;
    private bool _relative;

    /// <summary>Parses options from <paramref name="start"/> and their expiry (as SET does); null on success, else the error reply.</summary>
    public static CacheReply? Parse(byte[][] a, int start, bool isSet, string command, long now, out ExpiryArgs result) =>
        ParseSyntax(a, start, isSet, out result) ?? result.ResolveExpiry(command, now);

    /// <summary>The options' words from <paramref name="start"/>, the expiry's value not yet read (GETEX reads it after the key's type).</summary>
    public static CacheReply? ParseSyntax(byte[][] a, int start, bool isSet, out ExpiryArgs result)
    {
        result = default;
        var hasExpire = false;
        for (var j = start; j < a.Length; j++)
        {
            var opt = a[j];
            var hasNext = j + 1 < a.Length;
            if (isSet && Arg.Is(opt, "nx") && !result.Xx) result.Nx = true;
            else if (isSet && Arg.Is(opt, "xx") && !result.Nx) result.Xx = true;
            else if (isSet && Arg.Is(opt, "get")) result.Get = true;
            else if (isSet && Arg.Is(opt, "keepttl") && !hasExpire) result.KeepTtl = true;
            else if (!isSet && Arg.Is(opt, "persist") && !hasExpire) result.Persist = true;
            else if (!hasExpire && !result.KeepTtl && !result.Persist && hasNext && (Arg.Is(opt, "ex") || Arg.Is(opt, "px") || Arg.Is(opt, "exat") || Arg.Is(opt, "pxat")))
            {
                hasExpire = true;
                result._unit = opt.Length is 2 or 4 && (opt[0] | 0x20) == 'e' ? 1000 : 1;
                result._relative = opt.Length == 2;
                result._expireArg = a[++j];
            }
            else return CacheErrors.Syntax;
        }
        return null;
    }

    /// <summary>Reads the expiry's value into <see cref="ExpiresAt"/>; null on success, else the error reply.</summary>
    public CacheReply? ResolveExpiry(string command, long now)
    {
        if (_expireArg is null) return null;
        if (!CacheNumbers.TryParseLong(_expireArg, out var when)) return CacheErrors.NotInteger;
        if (when <= 0 || (_unit == 1000 && when > long.MaxValue / 1000)) return CacheErrors.InvalidExpire(command);
        when *= _unit;
        if (_relative)
        {
            if (when > long.MaxValue - now) return CacheErrors.InvalidExpire(command);
            when += now;
        }
        ExpiresAt = when;
        return null;
    }
}
