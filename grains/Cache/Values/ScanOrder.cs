using DataTier.Cache.Commands;

namespace DataTier.Cache.Values;

/// <summary>
/// The members of a hash-table-encoded hash, set or sorted set in the order HSCAN, SSCAN and ZSCAN page through them:
/// by a 32-bit hash of the member, the cursor being the hash a page starts from. A member present for the whole scan is
/// returned (its hash does not change however the collection grows or shrinks), possibly twice if the collection
/// changes. The order is built at a scan's first page and kept until a member is added (a removed one is skipped by
/// the caller), so paging costs a binary search and the page, not a pass over the collection.
/// </summary>
public sealed class ScanOrder
{
    private readonly uint[] _hashes;
    private readonly byte[][] _members;

    private ScanOrder(uint[] hashes, byte[][] members)
    {
        _hashes = hashes;
        _members = members;
    }

    /// <summary>The order's memory: a hash and a reference per member, and the two arrays' headers.</summary>
    public long Bytes => 64 + 12L * _hashes.Length;

    public static ScanOrder Of(IEnumerable<byte[]> members, int count)
    {
        var hashes = new uint[count];
        var all = new byte[count][];
        var i = 0;
        foreach (var member in members)
        {
            hashes[i] = KeyCommands.ScanHash(member);
            all[i++] = member;
        }
        Array.Sort(hashes, all);
        return new ScanOrder(hashes, all);
    }

    /// <summary>
    /// About <paramref name="count"/> members from <paramref name="cursor"/> on (members of equal hash are never split
    /// across pages); <paramref name="next"/> is the cursor of the following page, 0 at the end.
    /// </summary>
    public List<byte[]> Page(ulong cursor, long count, out ulong next)
    {
        var page = new List<byte[]>();
        next = 0;
        if (cursor > uint.MaxValue) return page;
        var i = LowerBound((uint)cursor);
        for (; i < _hashes.Length; i++)
        {
            if (page.Count >= count && _hashes[i] != _hashes[i - 1])
            {
                next = _hashes[i];
                break;
            }
            page.Add(_members[i]);
        }
        return page;
    }

    private int LowerBound(uint hash)
    {
        int low = 0, high = _hashes.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_hashes[mid] < hash) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
