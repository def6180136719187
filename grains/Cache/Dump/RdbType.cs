namespace DataTier.Cache.Dump;

/// <summary>The value type bytes of Redis' RDB format (rdb.h) that DUMP payloads start with.</summary>
public static class RdbType
{
    public const byte String = 0;
    public const byte List = 1;
    public const byte Set = 2;
    public const byte SortedSet = 3;
    public const byte Hash = 4;
    public const byte SortedSet2 = 5;
    public const byte HashZipmap = 9;
    public const byte ListZiplist = 10;
    public const byte SetIntset = 11;
    public const byte SortedSetZiplist = 12;
    public const byte HashZiplist = 13;
    public const byte ListQuicklist = 14;
    public const byte StreamListpacks = 15;
    public const byte HashListpack = 16;
    public const byte SortedSetListpack = 17;
    public const byte ListQuicklist2 = 18;
    public const byte StreamListpacks2 = 19;
    public const byte SetListpack = 20;
    public const byte StreamListpacks3 = 21;

    /// <summary>The RDB version Redis 7.0 writes, and the newest it accepts.</summary>
    public const ushort Version = 10;
}
