namespace DataTier.Client.Cache;

/// <summary>A command failed; the message is Redis' error text (WRONGTYPE ..., OOM ..., ERR ...).</summary>
public sealed class CacheException(string message) : Exception(message);
