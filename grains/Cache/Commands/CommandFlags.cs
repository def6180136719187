namespace DataTier.Cache.Commands;

[Flags]
public enum CommandFlags
{
    None = 0,
    Write = 1,
    ReadOnly = 2,
    DenyOom = 4,
    Fast = 8,
    /// <summary>May run before authentication.</summary>
    NoAuth = 16,
    /// <summary>May run in RESP2 subscriber mode.</summary>
    PubSubContext = 32,
    PubSub = 64,
}
