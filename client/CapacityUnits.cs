using DataTier.Model;

namespace DataTier.Client;

/// <summary>DynamoDB's capacity-unit arithmetic: reads in 4 KB units (half for eventually consistent reads), writes in 1 KB units, at least one unit each.</summary>
public static class CapacityUnits
{
    public static double Read(long bytes, bool consistent)
    {
        var units = Math.Max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2.0;
    }

    public static double Write(long bytes) => Math.Max(1, (bytes + 1023) / 1024);

    public static int SizeOf(IReadOnlyDictionary<string, AttrValue>? item) => item is null ? 0 : ItemSize.Of(item);
}
