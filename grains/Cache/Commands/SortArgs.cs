namespace DataTier.Cache.Commands;

/// <summary>SORT's and SORT_RO's options, read as Redis 7.0 reads them (a later option overrides an earlier one).</summary>
public sealed class SortArgs
{
    public bool Descending { get; private set; }

    public bool Alpha { get; private set; }

    /// <summary>BY a pattern without <c>*</c> (such as <c>nosort</c>): the elements keep their order. A later BY does not undo it, as in Redis.</summary>
    public bool DontSort { get; private set; }

    public long LimitStart { get; private set; }

    /// <summary>Negative: to the end.</summary>
    public long LimitCount { get; private set; } = -1;

    /// <summary>The BY pattern; null without one (or for a set stored unsorted, which Redis sorts ALPHA instead).</summary>
    public byte[]? By { get; private set; }

    public List<byte[]> Gets { get; } = [];

    public byte[]? Store { get; private set; }

    /// <summary>
    /// The options, or Redis' error for the first bad one. <paramref name="fullKeyAccess"/>: whether the user may read
    /// every key, which a BY pattern or GET needs since they name keys nowhere declared.
    /// </summary>
    public static CacheReply? Parse(byte[][] a, bool readOnly, bool fullKeyAccess, out SortArgs args)
    {
        args = new SortArgs();
        for (var j = 2; j < a.Length; j++)
        {
            var left = a.Length - j - 1;
            if (Arg.Is(a[j], "asc")) args.Descending = false;
            else if (Arg.Is(a[j], "desc")) args.Descending = true;
            else if (Arg.Is(a[j], "alpha")) args.Alpha = true;
            else if (Arg.Is(a[j], "limit") && left >= 2)
            {
                if (!CacheNumbers.TryParseLong(a[j + 1], out var start) || !CacheNumbers.TryParseLong(a[j + 2], out var count)) return CacheErrors.NotInteger;
                (args.LimitStart, args.LimitCount) = (start, count);
                j += 2;
            }
            else if (Arg.Is(a[j], "store") && left >= 1 && !readOnly) args.Store = a[++j];
            else if (Arg.Is(a[j], "by") && left >= 1)
            {
                args.By = a[++j];
                if (!args.By.Contains((byte)'*')) args.DontSort = true;
                else if (!fullKeyAccess) return CacheReply.Error("ERR BY option of SORT denied due to insufficient ACL permissions.");
            }
            else if (Arg.Is(a[j], "get") && left >= 1)
            {
                if (!fullKeyAccess) return CacheReply.Error("ERR GET option of SORT denied due to insufficient ACL permissions.");
                args.Gets.Add(a[++j]);
            }
            else return CacheErrors.Syntax;
        }
        return null;
    }

    /// <summary>SORT's STORE destination, when its options are valid: with the source, the keys it writes and reads.</summary>
    public static byte[]? StoreKeyOf(byte[][] a) => Parse(a, readOnly: false, fullKeyAccess: true, out var args) is null ? args.Store : null;

    /// <summary>
    /// Redis sorts a set it is asked not to sort when storing the result or answering a script (a set's order is its hash
    /// table's), ALPHA and without BY, so that replicas store or the script sees the same list.
    /// </summary>
    public void ForSource(string type, bool fromScript)
    {
        if (!DontSort || type != "set" || (Store is null && !fromScript)) return;
        (DontSort, Alpha, By) = (false, true, null);
    }

    /// <summary>Whether sorting reads keys other than the source: a BY pattern that sorts, or a GET pattern with <c>*</c>.</summary>
    public bool ReadsOtherKeys => (!DontSort && By is not null) || Gets.Any(g => g.Contains((byte)'*'));
}
