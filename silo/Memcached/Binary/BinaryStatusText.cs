using System.Text;

namespace DataTier.Silo.Memcached.Binary;

/// <summary>The text memcached sends with each error status of the binary protocol.</summary>
public static class BinaryStatusText
{
    public static byte[] Of(BinaryStatus status) => Encoding.ASCII.GetBytes(status switch
    {
        BinaryStatus.KeyNotFound => "Not found",
        BinaryStatus.KeyExists => "Data exists for key.",
        BinaryStatus.TooLarge => "Too large.",
        BinaryStatus.InvalidArguments => "Invalid arguments",
        BinaryStatus.NotStored => "Not stored.",
        BinaryStatus.NonNumeric => "Non-numeric server-side value for incr or decr",
        BinaryStatus.UnknownCommand => "Unknown command",
        BinaryStatus.OutOfMemory => "Out of memory",
        _ => "",
    });
}
