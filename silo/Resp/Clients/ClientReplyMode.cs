namespace DataTier.Silo.Resp.Clients;

/// <summary>CLIENT REPLY's state: replies on, off, or skipped for the SKIP command itself and the next one.</summary>
public enum ClientReplyMode
{
    On,
    Off,
    SkipThis,
    SkipNext,
}
