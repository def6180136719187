namespace DataTier.Silo.Resp;

public enum RespParseResult
{
    /// <summary>A whole command was read.</summary>
    Command,
    /// <summary>More bytes are needed.</summary>
    Incomplete,
    /// <summary>An empty inline line or empty array: nothing to run.</summary>
    Empty,
    /// <summary>The request is malformed; the connection must be closed after the error reply.</summary>
    ProtocolError,
}
