using System.IO.Hashing;

namespace DataTier.Keys;

/// <summary>
/// The stable 64-bit hash of a partition key's canonical bytes (XxHash64, seed 0). It names the
/// partition that owns the key, so it must never change between versions or processes.
/// </summary>
public static class KeyHash
{
    public static ulong Compute(ReadOnlySpan<byte> canonicalPartitionKey) => XxHash64.HashToUInt64(canonicalPartitionKey);
}
