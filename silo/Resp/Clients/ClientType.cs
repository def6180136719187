namespace DataTier.Silo.Resp.Clients;

/// <summary>CLIENT LIST's and KILL's TYPE: a silo has no replication links, so its clients are normal or subscribed.</summary>
public enum ClientType
{
    Normal,
    PubSub,
    Master,
    Replica,
}
