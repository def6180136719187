using DataTier.Cache.Commands;

namespace DataTier.Cache.Streams;

/// <summary>The trimming options of XADD and XTRIM (MAXLEN or MINID, = or ~, LIMIT), and XADD's NOMKSTREAM and ID.</summary>
public sealed class StreamTrim
{
    /// <summary>How many entries approximate trimming removes at most when no LIMIT is given (100 nodes' worth, as Redis).</summary>
    private const long DefaultApproximateLimit = 100L * StreamValue.NodeCapacity;

    public bool MaxLength { get; private set; }
    public bool MinId { get; private set; }
    public long Threshold { get; private set; }
    public StreamEntryId MinimumId { get; private set; }
    public bool Approximate { get; private set; }
    public long Limit { get; private set; }
    public bool NoMakeStream { get; private set; }

    /// <summary>Where XADD's ID argument is (its fields follow).</summary>
    public int IdIndex { get; private set; }

    public bool Any => MaxLength || MinId;

    /// <summary>Parses the options from argument 2; for XADD it stops at the first argument that is not an option: the ID.</summary>
    public static CacheReply? Parse(byte[][] a, bool add, out StreamTrim trim)
    {
        trim = new StreamTrim();
        var limitGiven = false;
        var i = 2;
        for (; i < a.Length; i++)
        {
            var more = a.Length - 1 - i;
            if (add && Arg.Is(a[i], "nomkstream"))
            {
                trim.NoMakeStream = true;
            }
            else if (more >= 1 && (Arg.Is(a[i], "maxlen") || Arg.Is(a[i], "minid")))
            {
                if (trim.Any) return CacheReply.Error("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
                var isMaxLength = Arg.Is(a[i], "maxlen");
                if (more >= 2 && Arg.Is(a[i + 1], "~"))
                {
                    trim.Approximate = true;
                    i++;
                }
                else if (more >= 2 && Arg.Is(a[i + 1], "="))
                {
                    i++;
                }
                i++;
                if (isMaxLength)
                {
                    if (!CacheNumbers.TryParseLong(a[i], out var threshold)) return CacheErrors.NotInteger;
                    if (threshold < 0) return CacheReply.Error("ERR The MAXLEN argument must be >= 0.");
                    trim.MaxLength = true;
                    trim.Threshold = threshold;
                }
                else
                {
                    if (!StreamEntryId.TryParse(a[i], 0, special: false, out var minimum)) return StreamErrors.InvalidId;
                    trim.MinId = true;
                    trim.MinimumId = minimum;
                }
            }
            else if (more >= 1 && Arg.Is(a[i], "limit"))
            {
                if (!CacheNumbers.TryParseLong(a[++i], out var limit)) return CacheErrors.NotInteger;
                if (limit < 0) return CacheReply.Error("ERR The LIMIT argument must be >= 0.");
                trim.Limit = limit;
                limitGiven = true;
            }
            else if (add)
            {
                break;
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        trim.IdIndex = i;
        if (add && i < a.Length && !Arg.Is(a[i], "*") && !StreamIds.TryParseAddId(a[i], out _, out _)) return StreamErrors.InvalidId;
        if (limitGiven && !trim.Any) return CacheReply.Error("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
        if (limitGiven && !trim.Approximate) return CacheReply.Error("ERR syntax error, LIMIT cannot be used without the special ~ option");
        if (!limitGiven && trim.Approximate) trim.Limit = DefaultApproximateLimit;
        return null;
    }

    /// <summary>Trims the stream as the options say; the number of entries removed.</summary>
    public long Apply(StreamValue stream)
    {
        if (MaxLength)
        {
            var threshold = Threshold;
            return stream.Trim((_, left) => left >= threshold, Approximate, Limit);
        }
        if (MinId)
        {
            var minimum = MinimumId;
            return stream.Trim((entry, _) => entry.Id < minimum, Approximate, Limit);
        }
        return 0;
    }
}
