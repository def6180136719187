namespace DataTier.Silo.Memcached.Binary;

/// <summary>The binary protocol's response statuses, each error with memcached's text (sent as the response's value).</summary>
public enum BinaryStatus : ushort
{
    Success = 0x0000,
    KeyNotFound = 0x0001,
    KeyExists = 0x0002,
    TooLarge = 0x0003,
    InvalidArguments = 0x0004,
    NotStored = 0x0005,
    NonNumeric = 0x0006,
    UnknownCommand = 0x0081,
    OutOfMemory = 0x0082,
}
