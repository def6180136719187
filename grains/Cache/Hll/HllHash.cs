using System.Buffers.Binary;
using System.Numerics;

namespace DataTier.Cache.Hll;

/// <summary>Where an element falls: MurmurHash64A (Appleby) with Redis' seed, its low 14 bits the register, the rest the run of zeros.</summary>
public static class HllHash
{
    private const ulong Seed = 0xadc83b19UL;
    private const ulong M = 0xc6a4a7935bd1e995UL;
    private const int R = 47;

    public static ulong MurmurHash64A(ReadOnlySpan<byte> data, ulong seed)
    {
        var h = seed ^ ((ulong)data.Length * M);
        var blocks = data.Length / 8;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i * 8, 8));
            k *= M;
            k ^= k >> R;
            k *= M;
            h ^= k;
            h *= M;
        }
        var tail = data[(blocks * 8)..];
        if (tail.Length > 0)
        {
            for (var i = tail.Length - 1; i >= 0; i--) h ^= (ulong)tail[i] << (8 * i);
            h *= M;
        }
        h ^= h >> R;
        h *= M;
        h ^= h >> R;
        return h;
    }

    /// <summary>The element's register and the count to store there: 1 + the trailing zeros of the hash above the index bits (at most Q + 1).</summary>
    public static (int Index, int Count) Pattern(ReadOnlySpan<byte> element)
    {
        var hash = MurmurHash64A(element, Seed);
        var index = (int)(hash & (HllLayout.Registers - 1));
        hash >>= HllLayout.P;
        hash |= 1UL << HllLayout.Q;
        return (index, BitOperations.TrailingZeroCount(hash) + 1);
    }
}
