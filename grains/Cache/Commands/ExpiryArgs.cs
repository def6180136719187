namespace DataTier.Cache.Commands;

/// <summary>SET's and GETEX's options (NX, XX, GET, KEEPTTL, PERSIST, EX, PX, EXAT, PXAT), parsed as Redis 7 parses them.</summary>
public struct ExpiryArgs
{
    public bool Nx, Xx, Get, KeepTtl, Persist;
    /// <summary>Absolute expiry in unix milliseconds, or 0.</summary>
    public long ExpiresAt;

    /// <summary>Parses options from <paramref name="start"/>; null on success, else the error reply.</summary>
    public static CacheReply? Parse(byte[][] a, int start, bool isSet, string command, long now, out ExpiryArgs result)
    {
        result = default;
        byte[]? expireArg = null;
        var unit = 0L;
        var relative = false;
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
                unit = opt.Length is 2 or 4 && (opt[0] | 0x20) == 'e' ? 1000 : 1;
                relative = opt.Length == 2;
                expireArg = a[++j];
            }
            else return CacheErrors.Syntax;
        }
        if (expireArg is null) return null;
        if (!CacheNumbers.TryParseLong(expireArg, out var when)) return CacheErrors.NotInteger;
        if (when <= 0 || (unit == 1000 && when > long.MaxValue / 1000)) return CacheErrors.InvalidExpire(command);
        when *= unit;
        if (relative)
        {
            if (when > long.MaxValue - now) return CacheErrors.InvalidExpire(command);
            when += now;
        }
        result.ExpiresAt = when;
        return null;
    }
}
