namespace DataTier.Cache.PubSub;

/// <summary>A connection subscribed to channels or patterns (a RESP session).</summary>
public interface IPubSubSubscriber
{
    void OnMessage(byte[] channel, byte[] message);

    void OnPatternMessage(byte[] pattern, byte[] channel, byte[] message);

    void OnShardMessage(byte[] channel, byte[] message);
}
