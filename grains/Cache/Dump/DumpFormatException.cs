namespace DataTier.Cache.Dump;

/// <summary>A DUMP payload whose content does not hold a value (RESTORE answers <c>ERR Bad data format</c>).</summary>
public sealed class DumpFormatException(string message) : Exception(message);
