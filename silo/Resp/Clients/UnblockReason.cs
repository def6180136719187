namespace DataTier.Silo.Resp.Clients;

/// <summary>Why a blocking command stopped waiting early: CLIENT UNBLOCK's TIMEOUT or ERROR, or CLIENT KILL.</summary>
public enum UnblockReason
{
    Timeout,
    Error,
    Killed,
}
