namespace DataTier.Cache.Diagnostics;

/// <summary>One SLOWLOG GET entry: its id, when it ran (Unix seconds), how long (µs), its arguments (shortened) and its client.</summary>
public sealed record SlowLogEntry(long Id, long UnixSeconds, long Micros, byte[][] Args, string Client, string Name);
