using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>
/// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: the longest common subsequence of two strings (absent keys
/// are empty), by Redis' dynamic programming table and its walk back from the ends, so ties resolve as Redis resolves them.
/// </summary>
public static class LcsCommand
{
    private static readonly CacheReply NotStrings = CacheReply.Error("ERR The specified keys must contain string values");
    private static readonly CacheReply TooLarge = CacheReply.Error("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");

    /// <summary>Redis' proto-max-bulk-len (512 MB), which bounds the table of 4-byte lengths.</summary>
    private const long MaxTableBytes = 512L * 1024 * 1024;

    public static CacheReply Run(CacheKeyspace ks, byte[][] a) => Reply(ks.Read(a[1])?.Value, ks.Read(a[2])?.Value, a);

    /// <summary>The reply for the two keys' values (null when absent), read wherever the keys are.</summary>
    public static CacheReply Reply(object? first, object? second, byte[][] a)
    {
        if (first is not (null or byte[]) || second is not (null or byte[])) return NotStrings;
        if (LcsArgs.Parse(a, out var args) is { } invalid) return invalid;
        var x = first as byte[] ?? [];
        var y = second as byte[] ?? [];
        if ((x.Length + 1L) * (y.Length + 1L) * sizeof(int) > MaxTableBytes) return TooLarge;
        var table = Table(x, y);
        if (args.Length) return CacheReply.Int(table[^1]);
        return WalkBack(x, y, table, args);
    }

    /// <summary>Row i, column j: the length of the longest common subsequence of x's first i bytes and y's first j.</summary>
    private static int[] Table(byte[] x, byte[] y)
    {
        var width = y.Length + 1;
        var table = new int[(x.Length + 1) * width];
        for (var i = 1; i <= x.Length; i++)
            for (var j = 1; j <= y.Length; j++)
                table[i * width + j] = x[i - 1] == y[j - 1]
                    ? table[(i - 1) * width + j - 1] + 1
                    : Math.Max(table[(i - 1) * width + j], table[i * width + j - 1]);
        return table;
    }

    /// <summary>
    /// From the ends back: a common byte joins the subsequence (and the current run of matches); otherwise the walk goes
    /// up when that keeps a longer subsequence, else left, and the run ends. Runs come out last first, as Redis lists them.
    /// </summary>
    private static CacheReply WalkBack(byte[] x, byte[] y, int[] table, LcsArgs args)
    {
        var width = y.Length + 1;
        var common = new byte[table[^1]];
        var next = common.Length;
        var matches = new List<CacheReply>();
        var (i, j) = (x.Length, y.Length);
        var inRun = false;
        int xStart = 0, xEnd = 0, yStart = 0, yEnd = 0;
        while (i > 0 && j > 0)
        {
            bool runEnds;
            if (x[i - 1] == y[j - 1])
            {
                common[--next] = x[i - 1];
                if (!inRun) (xEnd, yEnd, inRun) = (i - 1, j - 1, true);
                (xStart, yStart) = (i - 1, j - 1);
                runEnds = xStart == 0 || yStart == 0;
                i--;
                j--;
            }
            else
            {
                if (table[(i - 1) * width + j] > table[i * width + j - 1]) i--;
                else j--;
                runEnds = inRun;
            }
            if (!runEnds) continue;
            var runLength = xEnd - xStart + 1;
            if (args.MinMatchLength == 0 || runLength >= args.MinMatchLength) matches.Add(Match(xStart, xEnd, yStart, yEnd, args.WithMatchLength ? runLength : null));
            inRun = false;
        }
        if (!args.Indexes) return CacheReply.Bulk(common);
        return CacheReply.Map([CacheReply.Bulk("matches"), CacheReply.Array([.. matches]), CacheReply.Bulk("len"), CacheReply.Int(common.Length)]);
    }

    private static CacheReply Match(int xStart, int xEnd, int yStart, int yEnd, int? length)
    {
        CacheReply[] ranges = [CacheReply.Array([CacheReply.Int(xStart), CacheReply.Int(xEnd)]), CacheReply.Array([CacheReply.Int(yStart), CacheReply.Int(yEnd)])];
        return CacheReply.Array(length is { } n ? [.. ranges, CacheReply.Int(n)] : ranges);
    }
}
